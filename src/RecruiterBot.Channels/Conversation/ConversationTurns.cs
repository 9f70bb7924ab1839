using Microsoft.Extensions.Logging;
using RecruiterBot.Cards;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Privacy;
using RecruiterBot.Storage;

namespace RecruiterBot.Channels.Conversation;

/// <summary>What a channel asks for: one message in one conversation, with the channel's inbound id for duplicate protection.</summary>
/// <param name="Channel">"webchat", "msteams" or "slack" (for the question log).</param>
/// <param name="ConversationKey">The state key the channel derived (conversation, and user where a channel is shared).</param>
/// <param name="InboundId">Slack event_id, Teams activity id or web chat request id; null when the channel has none.</param>
/// <param name="ReplayDuplicate">A duplicate gets the first answer again (web chat retries) instead of nothing (Teams, Slack).</param>
public sealed record TurnRequest(string Channel, string ConversationKey, IncomingMessage Message, string? InboundId, bool ReplayDuplicate);

/// <summary>The answer to send, or none when the message was a duplicate that is not replayed.</summary>
public sealed record TurnOutcome(RenderedReply? Reply, bool Duplicate);

/// <summary>
/// Wraps the pure turn with storage: loads the state, runs <see cref="TurnHandler.Reply"/>, then in one write claims
/// the inbound id, saves the new state and logs the question (all again when another turn saved first), and renders
/// the reply. Every channel uses it.
/// </summary>
public sealed class ConversationTurns(TurnHandler turns, ReplyRenderer renderer, IConversationStore store, TimeProvider time, ILogger<ConversationTurns> logger)
{
    /// <summary>How often a turn is run again when another turn of the same conversation saved first.</summary>
    public const int MaxAttempts = 20;

    // Turns of one conversation on this instance take turns (striped by key: bounded memory, no clean-up), so the
    // optimistic save only races with other instances; a conflict there is retried after a short random pause.
    private readonly SemaphoreSlim[] _conversationGates = Enumerable.Range(0, 1024).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<TurnOutcome> RunAsync(TurnRequest request, CancellationToken ct)
    {
        var gate = _conversationGates[(int)((uint)StringComparer.Ordinal.GetHashCode(request.ConversationKey) % (uint)_conversationGates.Length)];
        await gate.WaitAsync(ct);
        try
        {
            return await RunLockedAsync(request, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TurnOutcome> RunLockedAsync(TurnRequest request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1) await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), ct);
            var before = await store.LoadStateAsync(request.ConversationKey, ct) ?? ConversationState.New();
            // The turn is pure: run it, then claim the inbound id, save and log in one write.
            var (reply, after) = turns.Reply(request.Message, before);
            var question = QuestionLog(request, reply);
            // The claim keeps the starting state only where a duplicate is answered again from it (the web chat, Teams
            // card buttons).
            var replayFrom = request.ReplayDuplicate ? before : null;
            var saved = await store.TrySaveTurnAsync(new TurnSave(request.ConversationKey, request.InboundId, replayFrom, after, question), ct);
            if (saved.DuplicateOf is { } first) return Duplicate(request, first, before);
            if (saved.IsSaved) return new TurnOutcome(renderer.Render(reply), Duplicate: false);
            if (attempt >= MaxAttempts)
            {
                // Answered even so: the conversation's step is lost; the message is still claimed and its question counted.
                Log.StateConflict(logger, request.Channel, attempt);
                if (request.InboundId is { } id && await store.TryClaimInboundAsync(id, replayFrom, ct) is { } claim) return Duplicate(request, claim, before);
                await store.AppendQuestionAsync(question, ct);
                return new TurnOutcome(renderer.Render(reply), Duplicate: false);
            }
        }
    }

    private TurnOutcome Duplicate(TurnRequest request, InboundClaim first, ConversationState before)
    {
        Log.Duplicate(logger, request.Channel, first.InboundId);
        if (!request.ReplayDuplicate) return new TurnOutcome(null, Duplicate: true);
        // Same message, same starting state: the same answer, and the conversation does not move on.
        var replay = turns.Reply(request.Message, first.StateBefore ?? before);
        return new TurnOutcome(renderer.Render(replay.Reply), Duplicate: true);
    }

    private QuestionLogEntry QuestionLog(TurnRequest request, BotReply reply)
    {
        var first = reply.Entries.FirstOrDefault();
        string? question = null;
        if (reply is UnknownReply)
        {
            // Only what the bot could not answer is kept, so the content owner can add it: cut and scrubbed.
            var cleaned = PersonalDataScrubber.Scrub(Core.Matching.ChatText.Clean(request.Message.Text));
            question = cleaned.Length > QuestionLogLimit ? cleaned[..QuestionLogLimit] : cleaned;
        }
        return new QuestionLogEntry(time.GetUtcNow(), request.Channel, reply.Intent, first?.Kind, first?.Id,
            reply.Confidence, question, reply is ResumeReply r ? r.Read.Skills.Count : null);
    }

    public const int QuestionLogLimit = 200;
}
