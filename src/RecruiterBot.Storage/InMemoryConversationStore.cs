using System.Collections.Concurrent;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Storage;

/// <summary>A store that lives in the process: for the CLI's runs and for tests of code above the store.</summary>
public sealed class InMemoryConversationStore(TimeProvider time) : IConversationStore
{
    private readonly ConcurrentDictionary<string, ConversationState> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InboundClaim> _claims = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<QuestionLogEntry> _log = new();

    public IReadOnlyCollection<QuestionLogEntry> QuestionLog => _log;

    public Task<ConversationState?> LoadStateAsync(string conversationKey, CancellationToken ct) =>
        Task.FromResult(_states.TryGetValue(conversationKey, out var s) ? s : null);

    public Task<bool> TrySaveStateAsync(string conversationKey, ConversationState state, CancellationToken ct)
    {
        if (state.Version <= 1) return Task.FromResult(_states.TryAdd(conversationKey, state) || TryReplace(conversationKey, state));
        return Task.FromResult(TryReplace(conversationKey, state));
    }

    private bool TryReplace(string key, ConversationState state) =>
        _states.TryGetValue(key, out var current) && current.Version == state.Version - 1 && _states.TryUpdate(key, state, current);

    public Task<InboundClaim?> TryClaimInboundAsync(string inboundId, ConversationState? stateBefore, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claim = new InboundClaim(inboundId, stateBefore, now);
        while (true)
        {
            if (_claims.TryAdd(inboundId, claim)) return Task.FromResult<InboundClaim?>(null);
            if (_claims.TryGetValue(inboundId, out var existing))
            {
                if (now - existing.ClaimedAt < InboundClaim.Lifetime) return Task.FromResult<InboundClaim?>(existing);
                if (_claims.TryUpdate(inboundId, claim, existing)) return Task.FromResult<InboundClaim?>(null);
            }
        }
    }

    public Task ReleaseInboundAsync(string inboundId, CancellationToken ct)
    {
        _claims.TryRemove(inboundId, out _);
        return Task.CompletedTask;
    }

    public Task AppendQuestionAsync(QuestionLogEntry entry, CancellationToken ct)
    {
        _log.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<StoreHealth> CheckHealthAsync(CancellationToken ct) => Task.FromResult(new StoreHealth(true, "memory", "in process"));
}
