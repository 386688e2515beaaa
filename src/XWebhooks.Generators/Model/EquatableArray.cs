using System.Collections;
using System.Collections.Immutable;

namespace XWebhooks.Generators.Model;

/// <summary>
/// An immutable array with value equality (element by element), so that models holding lists compare
/// equal across generator runs and the incremental pipeline can stop early.
/// </summary>
/// <remarks>
/// Elements must be <see cref="IEquatable{T}"/> themselves (records, strings, ints), so a model can never hold a
/// list that silently compares by reference. The array is copied on the way in: a caller that keeps and later
/// fills or reuses its array cannot change a model the pipeline has already cached.
/// </remarks>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    private readonly T[]? items;

    public EquatableArray(T[] items) => this.items = items.Length == 0 ? null : (T[])items.Clone();

    public EquatableArray(IEnumerable<T> items) => this.items = items.ToArray() is { Length: > 0 } copy ? copy : null;

    public static EquatableArray<T> Empty => default;

    public int Count => items?.Length ?? 0;

    public T this[int index] => (items ?? [])[index];

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public bool Equals(EquatableArray<T> other)
    {
        var left = items ?? [];
        var right = other.items ?? [];
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in items ?? [])
        {
            hash = unchecked((hash * 31) + (item is null ? 0 : item.GetHashCode()));
        }

        return hash;
    }

    public ImmutableArray<T> AsImmutableArray() => items is null ? [] : ImmutableArray.Create(items);

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
