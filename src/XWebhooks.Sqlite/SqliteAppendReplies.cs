namespace XWebhooks.Sqlite;

/// <summary>
/// Tells the senders of appends that their appends are stored, on the thread pool, up to <see cref="PerWorkItem"/>
/// per work item: the rest of each sender's request runs inline there, one after the other.
/// </summary>
/// <remarks>
/// One work item per append (a task continuation each) woke a pool thread for nearly every append of a commit, and
/// the threads that found nothing left spun before they slept again; on two cores that cost more than running a few
/// short request tails in a row. A commit with more appends still spreads over several threads.
/// </remarks>
internal static class SqliteAppendReplies
{
    private const int PerWorkItem = 8;

    /// <summary>Acknowledges <paramref name="appends"/> (committed, and on disk when they waited for an fsync); the list may be reused after the call.</summary>
    public static void Succeed(List<SqliteAppendOp> appends)
    {
        foreach (var append in appends)
        {
            append.Committed();
        }

        for (var start = 0; start < appends.Count; start += PerWorkItem)
        {
            var part = appends.GetRange(start, Math.Min(PerWorkItem, appends.Count - start));
            ThreadPool.UnsafeQueueUserWorkItem(static part =>
            {
                foreach (var append in part)
                {
                    append.Acknowledge();
                }
            }, part, preferLocal: false);
        }
    }
}
