using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage;

namespace RecruiterBot.Host.Tests.Fakes;

/// <summary>An in-memory store whose state loads wait at a gate, so a test can hold a reply in flight.</summary>
public sealed class GatedConversationStore(TimeProvider time) : IConversationStore
{
    private readonly InMemoryConversationStore _inner = new(time);

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<ConversationState?> LoadStateAsync(string conversationKey, CancellationToken ct)
    {
        Entered.TrySetResult();
        await Gate.Task.WaitAsync(ct);
        return await _inner.LoadStateAsync(conversationKey, ct);
    }

    public Task<bool> TrySaveStateAsync(string conversationKey, ConversationState state, CancellationToken ct) => _inner.TrySaveStateAsync(conversationKey, state, ct);
    public Task<InboundClaim?> TryClaimInboundAsync(string inboundId, ConversationState? stateBefore, CancellationToken ct) => _inner.TryClaimInboundAsync(inboundId, stateBefore, ct);
    public Task ReleaseInboundAsync(string inboundId, CancellationToken ct) => _inner.ReleaseInboundAsync(inboundId, ct);
    public Task AppendQuestionAsync(QuestionLogEntry entry, CancellationToken ct) => _inner.AppendQuestionAsync(entry, ct);
    public Task<StoreHealth> CheckHealthAsync(CancellationToken ct) => _inner.CheckHealthAsync(ct);
}
