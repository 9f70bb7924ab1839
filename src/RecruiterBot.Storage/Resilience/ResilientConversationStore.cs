using Microsoft.Extensions.Logging;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Storage.Resilience;

/// <summary>
/// Keeps a turn answering when the store does not: every call has a time budget, repeated failures open a circuit that
/// skips the store for a while, and a failed or skipped call returns what lets the turn go on (no state, not a
/// duplicate, saved). The warning is logged at most once a minute, not per message.
/// </summary>
public sealed class ResilientConversationStore : IConversationStore
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);
    private readonly IConversationStore _inner;
    private readonly string _provider;
    private readonly TimeSpan _budget;
    private readonly int _failureThreshold;
    private readonly TimeSpan _breakDuration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private StoreCircuitState _state = StoreCircuitState.Closed;
    private int _consecutiveFailures;
    private DateTimeOffset _openedAt;
    private int _failuresSinceWarning;
    private DateTimeOffset? _lastWarning;
    private string _lastError = "";

    public ResilientConversationStore(IConversationStore inner, string provider, TimeSpan budget, int failureThreshold, TimeSpan breakDuration,
        TimeProvider time, ILogger<ResilientConversationStore> logger)
    {
        (_inner, _provider, _budget, _failureThreshold, _breakDuration, _time, _logger) = (inner, provider, budget, failureThreshold, breakDuration, time, logger);
    }

    public StoreCircuitState Circuit
    {
        get { lock (_gate) return _state; }
    }

    public Task<ConversationState?> LoadStateAsync(string conversationKey, CancellationToken ct) =>
        CallAsync(nameof(LoadStateAsync), t => _inner.LoadStateAsync(conversationKey, t), null, ct);

    // Unsaved is reported as saved: the answer goes out, and retrying against a dead store would only delay it.
    public Task<bool> TrySaveStateAsync(string conversationKey, ConversationState state, CancellationToken ct) =>
        CallAsync(nameof(TrySaveStateAsync), t => _inner.TrySaveStateAsync(conversationKey, state, t), true, ct);

    public Task<TurnSaveResult> TrySaveTurnAsync(TurnSave turn, CancellationToken ct) =>
        CallAsync(nameof(TrySaveTurnAsync), t => _inner.TrySaveTurnAsync(turn, t), TurnSaveResult.NotStored, ct);

    public Task<InboundClaim?> TryClaimInboundAsync(string inboundId, ConversationState? stateBefore, CancellationToken ct) =>
        CallAsync(nameof(TryClaimInboundAsync), t => _inner.TryClaimInboundAsync(inboundId, stateBefore, t), null, ct);

    public Task ReleaseInboundAsync(string inboundId, CancellationToken ct) =>
        CallAsync(nameof(ReleaseInboundAsync), async t => { await _inner.ReleaseInboundAsync(inboundId, t); return true; }, false, ct);

    public Task AppendQuestionAsync(QuestionLogEntry entry, CancellationToken ct) =>
        CallAsync(nameof(AppendQuestionAsync), async t => { await _inner.AppendQuestionAsync(entry, t); return true; }, false, ct);

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken ct)
    {
        var health = await CallAsync<StoreHealth?>(nameof(CheckHealthAsync), async t => await _inner.CheckHealthAsync(t), null, ct);
        if (health is not null) return health;
        lock (_gate) return new StoreHealth(false, _provider, $"degraded: circuit {_state.ToString().ToLowerInvariant()}, last error: {_lastError}");
    }

    private async Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, T fallback, CancellationToken ct)
    {
        if (!TryEnter()) return fallback;
        using var budget = new CancellationTokenSource(_budget, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        // Task.Run: SQLite's async calls run synchronously, so the budget could not cut them short otherwise.
        var task = Task.Run(() => call(linked.Token), CancellationToken.None);
        try
        {
            // The budget's token ends the wait too: one timer per call, not two.
            var result = await task.WaitAsync(linked.Token);
            OnSuccess();
            return result;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            _ = task.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            Log.CallFailed(_logger, _provider, operation, e);
            OnFailure(e is TimeoutException or OperationCanceledException ? $"no answer within {_budget.TotalMilliseconds:0} ms" : e.Message);
            return fallback;
        }
    }

    private bool TryEnter()
    {
        lock (_gate)
        {
            switch (_state)
            {
                case StoreCircuitState.Closed:
                    return true;
                case StoreCircuitState.Open when _time.GetUtcNow() - _openedAt >= _breakDuration:
                    _state = StoreCircuitState.HalfOpen;
                    return true;
                default:
                    // Open, or half-open with the one trial call in flight: skip the store.
                    NoteFailure(null);
                    return false;
            }
        }
    }

    private void OnSuccess()
    {
        lock (_gate)
        {
            var recovered = _state != StoreCircuitState.Closed || _lastWarning is not null;
            _state = StoreCircuitState.Closed;
            _consecutiveFailures = 0;
            if (!recovered) return;
            _lastWarning = null;
            _failuresSinceWarning = 0;
        }
        Log.StoreRecovered(_logger, _provider);
    }

    private void OnFailure(string error)
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            if (_state == StoreCircuitState.HalfOpen || _consecutiveFailures >= _failureThreshold)
            {
                _state = StoreCircuitState.Open;
                _openedAt = _time.GetUtcNow();
            }
            NoteFailure(error);
        }
    }

    // Called under _gate.
    private void NoteFailure(string? error)
    {
        if (error is not null) _lastError = error;
        _failuresSinceWarning++;
        var now = _time.GetUtcNow();
        if (_lastWarning is { } last && now - last < WarningInterval) return;
        Log.StoreUnavailable(_logger, _provider, _failuresSinceWarning, _state, _lastError);
        _lastWarning = now;
        _failuresSinceWarning = 0;
    }
}
