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
    /// The end of a turn: <see cref="TrySaveStateAsync"/>, and when it saved, <see cref="AppendQuestionAsync"/> with
    /// <paramref name="question"/>. The SQL stores do both in one write (on SQLite, one commit), so a turn waits for one
    /// commit instead of two.
    /// </summary>
    async Task<bool> TrySaveTurnAsync(string conversationKey, ConversationState state, QuestionLogEntry question, CancellationToken ct)
    {
        if (!await TrySaveStateAsync(conversationKey, state, ct)) return false;
        await AppendQuestionAsync(question, ct);
        return true;
    }

    /// <summary>Whether the store answers; /readyz reports it.</summary>
    Task<StoreHealth> CheckHealthAsync(CancellationToken ct);
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
