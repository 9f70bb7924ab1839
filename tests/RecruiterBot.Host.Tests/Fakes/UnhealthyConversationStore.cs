using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage;

namespace RecruiterBot.Host.Tests.Fakes;

/// <summary>A store that still works but reports itself unhealthy (or throws from its health check).</summary>
public sealed class UnhealthyConversationStore(TimeProvider time, bool throws) : IConversationStore
{
    private readonly InMemoryConversationStore _inner = new(time);

    public Task<StoreHealth> CheckHealthAsync(CancellationToken ct) =>
        throws ? throw new IOException("disk gone") : Task.FromResult(new StoreHealth(false, "sqlite", "database is locked"));

    public Task<ConversationState?> LoadStateAsync(string conversationKey, CancellationToken ct) => _inner.LoadStateAsync(conversationKey, ct);
    public Task<bool> TrySaveStateAsync(string conversationKey, ConversationState state, CancellationToken ct) => _inner.TrySaveStateAsync(conversationKey, state, ct);
    public Task<InboundClaim?> TryClaimInboundAsync(string inboundId, ConversationState? stateBefore, CancellationToken ct) => _inner.TryClaimInboundAsync(inboundId, stateBefore, ct);
    public Task ReleaseInboundAsync(string inboundId, CancellationToken ct) => _inner.ReleaseInboundAsync(inboundId, ct);
    public Task AppendQuestionAsync(QuestionLogEntry entry, CancellationToken ct) => _inner.AppendQuestionAsync(entry, ct);
}
