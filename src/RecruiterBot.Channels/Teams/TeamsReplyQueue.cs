using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruiterBot.Cards;
using RecruiterBot.Cards.Adaptive;
using RecruiterBot.Cards.Envelope;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage;

namespace RecruiterBot.Channels.Teams;

/// <summary>An activity to answer: a message, or a welcome when the bot was added.</summary>
internal sealed record TeamsReplyWork(TeamsActivity Activity, bool Welcome);

/// <summary>
/// The activities waiting for their answer, and the workers that run the turn and send the reply. Teams gets its 200
/// as soon as an activity is queued, so a slow connector never delays it; a full queue refuses (503) and nothing of
/// the activity is recorded, so Teams' redelivery is answered.
/// </summary>
internal sealed class TeamsReplyQueue(
    IOptions<TeamsOptions> options, Lazy<ConversationTurns> turns, ReplyRenderer renderer, IConversationStore store,
    TeamsConnectorClient connector, TimeProvider time, ILogger<TeamsReplyQueue> logger) : BackgroundService
{
    public const string Channel = "msteams";
    public const string InboundPrefix = "msteams:";
    public const string WelcomePrefix = "msteams-welcome:";

    private readonly Channel<TeamsReplyWork> _queue = System.Threading.Channels.Channel.CreateBounded<TeamsReplyWork>(
        new BoundedChannelOptions(options.Value.ReplyQueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    private readonly QueueFullNotice _queueFull = new(time);

    /// <summary>False when the queue is full: the caller answers 503 and Teams redelivers the activity later.</summary>
    public bool TryEnqueue(TeamsReplyWork work)
    {
        if (_queue.Writer.TryWrite(work)) return true;
        if (_queueFull.Refused() is > 0 and var refused) Log.TeamsQueueFull(logger, refused, work.Activity.Id ?? "(none)");
        return false;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.ReplyWorkers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(ct))
            {
                try { await AnswerAsync(work, ct); }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
                catch (Exception e) { Log.TeamsReplyFailed(logger, work.Activity.Id ?? "(none)", e); }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private async Task AnswerAsync(TeamsReplyWork work, CancellationToken ct)
    {
        var activity = work.Activity;
        var conversationId = activity.Conversation!.Id!;
        RenderedReply reply;
        string? replyToId;
        if (work.Welcome)
        {
            // Teams sends installationUpdate and conversationUpdate for one install, and again on reinstall: one welcome.
            var welcomeId = WelcomePrefix + TeamsMessageReader.ConversationWithoutThread(conversationId);
            if (await store.TryClaimInboundAsync(welcomeId, stateBefore: null, ct) is not null) return;
            reply = renderer.Render(new GreetingReply());
            replyToId = null;
        }
        else
        {
            var request = new TurnRequest(Channel, TeamsMessageReader.ConversationKey(activity), TeamsMessageReader.ToIncomingMessage(activity),
                activity.Id is { } id ? InboundPrefix + id : null, ReplayDuplicate: false);
            var outcome = await turns.Value.RunAsync(request, ct);
            if (outcome.Reply is null) return;
            reply = outcome.Reply;
            replyToId = activity.Id;
        }

        var card = reply.CardJson;
        var message = new TeamsReplyActivity
        {
            From = new(activity.Recipient?.Id, activity.Recipient?.Name),
            Recipient = new(activity.From?.Id, activity.From?.Name),
            Conversation = new(conversationId),
            ReplyToId = replyToId,
            // With a card, the text is the card's one-line summary (what the notification shows), as the card's budget
            // counts it: the whole plain text above the card would say everything twice, and for an interview check
            // it would show the strong answer the card keeps behind a button.
            Text = card is null ? reply.Text : TeamsBudget.FallbackText(card) ?? "",
            // Interview cards update in place in Teams (Action.Execute, answered by TeamsCardActions).
            Attachments = card is null
                ? null
                : [new(TeamsReplyActivity.AdaptiveCardContentType, new WrittenJson(TeamsCardVariant.WithUniversalActions(reply.Reply, card)))],
        };
        // In a channel the conversation id carries ";messageid=": the reply lands in that thread.
        await connector.SendAsync(activity.ServiceUrl!, conversationId, replyToId, message, ct);
        Log.TeamsReplySent(logger, activity.Id ?? "(none)", reply.Reply.Intent);
    }
}
