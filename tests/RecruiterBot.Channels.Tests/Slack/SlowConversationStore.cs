using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage;

namespace RecruiterBot.Channels.Tests.Slack;

/// <summary>An in-memory store whose every read takes <paramref name="delay"/>: a database under load.</summary>
public sealed class SlowConversationStore(TimeSpan delay) : IConversationStore
{
    private readonly InMemoryConversationStore _inner = new(TimeProvider.System);

    public async Task<ConversationState?> LoadStateAsync(string conversationKey, CancellationToken ct)
    {
        await Task.Delay(delay, ct);
        return await _inner.LoadStateAsync(conversationKey, ct);
    }

    public Task<bool> TrySaveStateAsync(string conversationKey, ConversationState state, CancellationToken ct) => _inner.TrySaveStateAsync(conversationKey, state, ct);
    public Task<InboundClaim?> TryClaimInboundAsync(string inboundId, ConversationState? stateBefore, CancellationToken ct) => _inner.TryClaimInboundAsync(inboundId, stateBefore, ct);
    public Task ReleaseInboundAsync(string inboundId, CancellationToken ct) => _inner.ReleaseInboundAsync(inboundId, ct);
    public Task AppendQuestionAsync(QuestionLogEntry entry, CancellationToken ct) => _inner.AppendQuestionAsync(entry, ct);
    public Task<StoreHealth> CheckHealthAsync(CancellationToken ct) => _inner.CheckHealthAsync(ct);
}
