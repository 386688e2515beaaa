namespace XWebhooks.Generators.Model;

/// <summary>One valid <c>[XWebhookHandler]</c> method.</summary>
/// <param name="Type">The declaring class.</param>
/// <param name="MethodName">The method's name.</param>
/// <param name="IsStatic">True for a static method (no instance is created).</param>
/// <param name="Event">The event type, or null for an <c>XUnknownEvent</c> (fallback) handler.</param>
/// <param name="Parameters">The parameters in declaration order.</param>
/// <param name="Return">What the method returns.</param>
/// <param name="FilePath">The file that declares it (first ordering key).</param>
/// <param name="Order">
/// The indexes of the method and its ancestors among their siblings in the syntax tree (second
/// ordering key). Unlike a text position it does not change when a method body is edited.
/// </param>
internal sealed record HandlerModel(
    HandlerTypeModel Type,
    string MethodName,
    bool IsStatic,
    EventModel? Event,
    EquatableArray<ParameterModel> Parameters,
    ReturnKind Return,
    string FilePath,
    EquatableArray<int> Order);
