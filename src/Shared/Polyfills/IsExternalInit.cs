// netstandard2.0 lacks the marker type that init accessors (and so records) need.
#pragma warning disable IDE0130 // Namespace does not match folder structure
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit;
