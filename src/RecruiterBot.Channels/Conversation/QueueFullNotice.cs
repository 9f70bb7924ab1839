namespace RecruiterBot.Channels.Conversation;

/// <summary>
/// Counts the requests a full reply queue refused, so that the warning is logged once per <see cref="Interval"/> with
/// the count rather than once per request: a burst refuses thousands a second, and a console line each cost more CPU
/// than refusing them, taking it from the replies the queue was full of.
/// </summary>
internal sealed class QueueFullNotice(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private long _refused;
    private long _loggedAt = long.MinValue;

    /// <summary>Counts one refusal; returns how many to report now (this one and those not reported yet), or 0 when a
    /// warning went out less than <see cref="Interval"/> ago.</summary>
    public long Refused()
    {
        Interlocked.Increment(ref _refused);
        var now = time.GetTimestamp();
        var last = Volatile.Read(ref _loggedAt);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < Interval) return 0;
        // One caller wins the line; the others are counted in the next one.
        if (Interlocked.CompareExchange(ref _loggedAt, now, last) != last) return 0;
        return Interlocked.Exchange(ref _refused, 0);
    }
}
