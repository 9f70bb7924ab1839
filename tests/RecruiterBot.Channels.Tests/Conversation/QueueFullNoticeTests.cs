using Microsoft.Extensions.Time.Testing;
using RecruiterBot.Channels.Conversation;

namespace RecruiterBot.Channels.Tests.Conversation;

public sealed class QueueFullNoticeTests
{
    [Fact]
    public void Refused_FirstRefusal_IsReportedAtOnce()
    {
        var notice = new QueueFullNotice(new FakeTimeProvider());

        Assert.Equal(1, notice.Refused());
    }

    [Fact]
    public void Refused_BurstWithinTheInterval_IsCountedIntoTheNextWarning()
    {
        var time = new FakeTimeProvider();
        var notice = new QueueFullNotice(time);
        notice.Refused();

        var reported = Enumerable.Range(0, 500).Select(_ => notice.Refused()).ToList();
        time.Advance(QueueFullNotice.Interval);
        var next = notice.Refused();

        Assert.All(reported, r => Assert.Equal(0, r));
        Assert.Equal(501, next);
    }

    [Fact]
    public void Refused_FromManyThreads_EveryRefusalIsReportedExactlyOnce()
    {
        var time = new FakeTimeProvider();
        var notice = new QueueFullNotice(time);
        long reported = 0;

        Parallel.For(0, 20_000, i =>
        {
            if (i % 2_000 == 0) time.Advance(QueueFullNotice.Interval);
            Interlocked.Add(ref reported, notice.Refused());
        });
        time.Advance(QueueFullNotice.Interval);
        reported += notice.Refused();

        Assert.Equal(20_001, reported);
    }
}
