using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruiterBot.Channels.Conversation;

namespace RecruiterBot.Channels.Slack;

/// <summary>
/// Replies sent after Slack has its acknowledgement: a bounded queue drained by a few workers. Slack retries a delivery
/// that gets no 2xx within 3 seconds, so nothing slow (the turn, the store, Slack's Web API) runs before the ack.
/// </summary>
internal sealed class SlackReplyQueue(IOptions<SlackOptions> options, IServiceScopeFactory scopes, TimeProvider time, ILogger<SlackReplyQueue> logger)
    : BackgroundService
{
    private readonly QueueFullNotice _queueFull = new(time);

    private readonly Channel<SlackWork> _queue = Channel.CreateBounded<SlackWork>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    // Cancelled only when the host's shutdown timeout runs out, so replies already acknowledged to Slack are finished.
    // Not disposed: it holds no timer, and the host may stop this service after the container has disposed it.
    private readonly CancellationTokenSource _abort = new();

    /// <summary>False when the queue is full: the caller answers 503 so Slack delivers the event again later.</summary>
    public bool TryEnqueue(SlackWork work)
    {
        if (_queue.Writer.TryWrite(work)) return true;
        if (_queueFull.Refused() is > 0 and var refused) Log.SlackQueueFull(logger, refused, work.Id);
        return false;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return Task.CompletedTask;
        return Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrentReplies).Select(_ => Task.Run(() => WorkAsync(_abort.Token), CancellationToken.None)));
    }

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(ct))
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    await scope.ServiceProvider.GetRequiredService<SlackWorkHandler>().HandleAsync(work, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    Log.SlackReplyNotDelivered(logger, work.Id, "queue", "shutting_down");
                }
                catch (Exception e)
                {
                    Log.SlackWorkFailed(logger, work.Id, e);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // No new work; the workers drain what is queued and stop, or are cut off when the shutdown timeout fires.
        _queue.Writer.TryComplete();
        using (cancellationToken.Register(_abort.Cancel)) await base.StopAsync(cancellationToken);
        await _abort.CancelAsync();
        while (_queue.Reader.TryRead(out var left)) Log.SlackReplyNotDelivered(logger, left.Id, "queue", "shutting_down");
    }
}
