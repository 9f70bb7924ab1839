using System.Collections.Concurrent;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Storage;

/// <summary>
/// Remembers the state the store last confirmed for recent conversations, so a turn does not read it back: on SQLite
/// that read was about a third of a web chat turn's CPU (README, Benchmarks). It is never trusted over the store: a
/// turn that starts from a remembered state someone else has moved on (the retention job, another process) finds its
/// save superseded, the entry is forgotten and the turn runs again from the store's state. So it is only for a store
/// one instance owns (SQLite); with several instances it would cost a wasted attempt on most turns.
/// Bounded: two generations of up to half the capacity each; a conversation not used for a whole generation is
/// forgotten.
/// </summary>
public sealed class ConversationStateCache : IConversationStore
{
    private readonly IConversationStore _inner;
    private readonly int _generationSize;
    private readonly Lock _gate = new();
    private volatile ConcurrentDictionary<string, ConversationState> _recent = NewGeneration();
    private volatile ConcurrentDictionary<string, ConversationState> _older = NewGeneration();
    private int _recentCount;

    public ConversationStateCache(IConversationStore inner, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        (_inner, _generationSize) = (inner, (capacity + 1) / 2);
    }

    /// <summary>How many conversations are remembered (at most the capacity, rounded up to an even number).</summary>
    public int Count => _recent.Count + _older.Count;

    public Task<ConversationState?> LoadStateAsync(string conversationKey, CancellationToken ct) =>
        TryRecall(conversationKey, out var state) ? Task.FromResult<ConversationState?>(state) : LoadAndRememberAsync(conversationKey, ct);

    private async Task<ConversationState?> LoadAndRememberAsync(string conversationKey, CancellationToken ct)
    {
        var state = await _inner.LoadStateAsync(conversationKey, ct);
        // Null is also what a store that is down answers, so it is not remembered.
        if (state is not null) Remember(conversationKey, state);
        return state;
    }

    public async Task<TurnSaveResult> TrySaveTurnAsync(TurnSave turn, CancellationToken ct)
    {
        TurnSaveResult result;
        try
        {
            result = await _inner.TrySaveTurnAsync(turn, ct);
        }
        catch
        {
            // Whether the write went in is unknown.
            Forget(turn.ConversationKey);
            throw;
        }
        if (result is { IsSaved: true, ReachedStore: true }) Remember(turn.ConversationKey, turn.State);
        // Superseded (the store has a newer state), or not stored: the next turn reads the store. A duplicate saved
        // nothing, so the state remembered is still the store's.
        else if (result.DuplicateOf is null) Forget(turn.ConversationKey);
        return result;
    }

    public Task<bool> TrySaveStateAsync(string conversationKey, ConversationState state, CancellationToken ct)
    {
        // A store that is down reports this save as done, so the next turn reads the store instead.
        Forget(conversationKey);
        return _inner.TrySaveStateAsync(conversationKey, state, ct);
    }

    public Task<InboundClaim?> TryClaimInboundAsync(string inboundId, ConversationState? stateBefore, CancellationToken ct) =>
        _inner.TryClaimInboundAsync(inboundId, stateBefore, ct);

    public Task ReleaseInboundAsync(string inboundId, CancellationToken ct) => _inner.ReleaseInboundAsync(inboundId, ct);

    public Task AppendQuestionAsync(QuestionLogEntry entry, CancellationToken ct) => _inner.AppendQuestionAsync(entry, ct);

    public Task<StoreHealth> CheckHealthAsync(CancellationToken ct) => _inner.CheckHealthAsync(ct);

    private bool TryRecall(string key, out ConversationState state)
    {
        if (_recent.TryGetValue(key, out state!)) return true;
        if (!_older.TryGetValue(key, out state!)) return false;
        Remember(key, state);
        return true;
    }

    // Turns of one conversation take turns on this instance (ConversationTurns), so one key is never written twice at once.
    private void Remember(string key, ConversationState state)
    {
        var recent = _recent;
        if (!recent.TryAdd(key, state))
        {
            recent[key] = state;
            return;
        }
        if (Interlocked.Increment(ref _recentCount) < _generationSize) return;
        lock (_gate)
        {
            if (!ReferenceEquals(recent, _recent)) return;
            _older = recent;
            _recent = NewGeneration();
            _recentCount = 0;
        }
    }

    private void Forget(string key)
    {
        _recent.TryRemove(key, out _);
        _older.TryRemove(key, out _);
    }

    private static ConcurrentDictionary<string, ConversationState> NewGeneration() => new(StringComparer.Ordinal);
}
