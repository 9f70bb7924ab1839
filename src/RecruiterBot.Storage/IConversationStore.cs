using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Storage;

/// <summary>
/// Where conversation state, handled inbound ids and the question log live (SQLite by default, PostgreSQL for several
/// instances). Never holds message text, except an unanswered question's cleaned text in the log.
/// </summary>
public interface IConversationStore
{
    /// <summary>The state of a conversation, or null when it has none yet.</summary>
    Task<ConversationState?> LoadStateAsync(string conversationKey, CancellationToken ct);

    /// <summary>
    /// Saves <paramref name="state"/> if the stored version is still <c>state.Version - 1</c> (or there is none when
    /// <c>state.Version == 1</c>). Returns false when another turn saved first: the caller reloads and runs the turn again.
    /// </summary>
    Task<bool> TrySaveStateAsync(string conversationKey, ConversationState state, CancellationToken ct);

    /// <summary>
    /// Claims an inbound id (Slack event_id, Teams activity id, web chat request id) for one day. Returns null when
    /// the id is new (the caller handles the message), or the claim made the first time (a duplicate).
    /// <paramref name="stateBefore"/> is the state the turn started from, kept so a retried web chat request can be
    /// answered again exactly as the first time without advancing the conversation.
    /// </summary>
    Task<InboundClaim?> TryClaimInboundAsync(string inboundId, ConversationState? stateBefore, CancellationToken ct);

    /// <summary>Forgets a claim (the message could not be queued), so a redelivery is handled.</summary>
    Task ReleaseInboundAsync(string inboundId, CancellationToken ct);

    Task AppendQuestionAsync(QuestionLogEntry entry, CancellationToken ct);

    /// <summary>
    /// The end of a turn, as one write: claims <see cref="TurnSave.InboundId"/> (when there is one) with the state the
    /// turn started from, saves the new state (as <see cref="TrySaveStateAsync"/>) and appends the question's log row.
    /// A duplicate inbound id saves nothing and returns the first claim; a state saved first by another turn releases
    /// the claim again and returns <see cref="TurnSaveResult.Superseded"/>. The SQL stores run it as one write (on
    /// SQLite, in one commit), so a turn waits for one commit, not three.
    /// </summary>
    async Task<TurnSaveResult> TrySaveTurnAsync(TurnSave turn, CancellationToken ct)
    {
        if (turn.InboundId is { } id && await TryClaimInboundAsync(id, turn.StateBefore, ct) is { } claim) return TurnSaveResult.Duplicate(claim);
        if (!await TrySaveStateAsync(turn.ConversationKey, turn.State, ct))
        {
            if (turn.InboundId is { } claimed) await ReleaseInboundAsync(claimed, ct);
            return TurnSaveResult.Superseded;
        }
        await AppendQuestionAsync(turn.Question, ct);
        return TurnSaveResult.Saved;
    }

    /// <summary>Whether the store answers; /readyz reports it.</summary>
    Task<StoreHealth> CheckHealthAsync(CancellationToken ct);
}

/// <summary>What a turn writes: its inbound id (null when the channel has none) with the state it started from (null
/// when a duplicate is not answered again, so nothing would read it), the new state and the question's log row.</summary>
public sealed record TurnSave(string ConversationKey, string? InboundId, ConversationState? StateBefore, ConversationState State, QuestionLogEntry Question);

/// <summary>How a turn's write went: saved; superseded by another turn of the conversation (run it again); a
/// duplicate of an inbound id already handled, with the first claim; or not stored, as far as the store's caller knows.</summary>
public sealed record TurnSaveResult(bool IsSaved, InboundClaim? DuplicateOf)
{
    public static readonly TurnSaveResult Saved = new(true, null);
    public static readonly TurnSaveResult Superseded = new(false, null);

    /// <summary>The store did not answer (down, or past its time budget): the turn goes on as if saved, but the new
    /// state may not be in the store.</summary>
    public static readonly TurnSaveResult NotStored = new(true, null) { ReachedStore = false };

    public static TurnSaveResult Duplicate(InboundClaim first) => new(false, first);

    /// <summary>False only for <see cref="NotStored"/>.</summary>
    public bool ReachedStore { get; init; } = true;
}

/// <summary>A claimed inbound id and the conversation state the first handling started from.</summary>
public sealed record InboundClaim(string InboundId, ConversationState? StateBefore, DateTimeOffset ClaimedAt)
{
    /// <summary>How long an inbound id stays claimed: platforms re-send within minutes, a day is ample.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
}

/// <summary>One row of the question log. <see cref="Question"/> only for unanswered questions: cut and scrubbed.</summary>
public sealed record QuestionLogEntry(
    DateTimeOffset At,
    string Channel,
    string Intent,
    string? EntryKind,
    string? EntryId,
    double Confidence,
    string? Question,
    int? ResumeSkillCount);

public sealed record StoreHealth(bool Ok, string Provider, string Detail);

/// <summary>What one retention pass deleted.</summary>
public sealed record ExpiredRows(int LogRows, int Claims, int Conversations);
