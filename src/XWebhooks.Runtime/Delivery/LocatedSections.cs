namespace XWebhooks.Delivery;

/// <summary>
/// Where an XAA event's <c>payload</c> and <c>includes</c> objects are in its JSON, as the locate pass found them while
/// it walked the <c>data</c> object anyway: with them, the deferred read cuts those members out by position instead of
/// reading the event's JSON a second time. Known only for a plain object: each name at most once and written without
/// escapes, so a position is exactly the member the serializer would read.
/// </summary>
/// <param name="Known">False when the locate pass did not record positions, or the object is not plain; then the reader splits the JSON itself.</param>
/// <param name="Payload">The <c>payload</c> value's range in the event's JSON; default when absent or not an object.</param>
/// <param name="Includes">The <c>includes</c> value's range in the event's JSON; default when absent or not an object.</param>
internal readonly record struct LocatedSections(bool Known, Range Payload, Range Includes)
{
    /// <summary>The ranges in the order of <see cref="DeferredSections.ActivityEvent"/>.</summary>
    public void CopyTo(Span<Range> sections)
    {
        sections[0] = Payload;
        sections[1] = Includes;
    }
}
