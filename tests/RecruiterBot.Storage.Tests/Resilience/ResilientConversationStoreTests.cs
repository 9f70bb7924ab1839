using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage.Resilience;
using RecruiterBot.Storage.Tests.Fakes;

namespace RecruiterBot.Storage.Tests.Resilience;

public sealed class ResilientConversationStoreTests
{
    private readonly ScriptedStore _inner = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<ResilientConversationStore> _log = new();

    private ResilientConversationStore Store(TimeProvider? time = null, int budgetMs = 250) =>
        new(_inner, "scripted", TimeSpan.FromMilliseconds(budgetMs), failureThreshold: 3, breakDuration: TimeSpan.FromSeconds(5), time ?? _time, _log);

    [Fact]
    public async Task LoadStateAsync_StoreStalls_ReturnsNoStateWithinTheBudget()
    {
        _inner.Behaviour = ScriptedStore.Mode.Stall;
        var store = Store(TimeProvider.System, budgetMs: 100);
        var clock = Stopwatch.StartNew();

        var state = await store.LoadStateAsync("c1", CancellationToken.None);

        Assert.Null(state);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Calls_StoreFails_FallBackSoTheTurnAnswers()
    {
        _inner.Behaviour = ScriptedStore.Mode.Fail;
        var store = Store();

        Assert.Null(await store.LoadStateAsync("c1", CancellationToken.None));
        Assert.Null(await store.TryClaimInboundAsync("Ev1", null, CancellationToken.None));
        Assert.True(await store.TrySaveStateAsync("c1", ConversationState.New(1) with { Version = 1 }, CancellationToken.None));
        await store.AppendQuestionAsync(new QuestionLogEntry(_time.GetUtcNow(), "slack", "skill", null, null, 1, null, null), CancellationToken.None);
    }

    [Fact]
    public async Task Calls_ThresholdFailuresInARow_OpenTheCircuitAndSkipTheStore()
    {
        _inner.Behaviour = ScriptedStore.Mode.Fail;
        var store = Store();

        for (var i = 0; i < 3; i++) await store.LoadStateAsync("c1", CancellationToken.None);
        for (var i = 0; i < 10; i++) await store.LoadStateAsync("c1", CancellationToken.None);

        Assert.Equal(StoreCircuitState.Open, store.Circuit);
        Assert.Equal(3, _inner.Calls);
    }

    [Fact]
    public async Task Calls_AfterTheBreakWithTheStoreBack_OneTrialCallClosesTheCircuit()
    {
        _inner.Behaviour = ScriptedStore.Mode.Fail;
        var store = Store();
        for (var i = 0; i < 3; i++) await store.LoadStateAsync("c1", CancellationToken.None);
        _inner.Behaviour = ScriptedStore.Mode.Answer;

        _time.Advance(TimeSpan.FromSeconds(5));
        var health = await store.CheckHealthAsync(CancellationToken.None);

        Assert.True(health.Ok);
        Assert.Equal(StoreCircuitState.Closed, store.Circuit);
        Assert.Equal(4, _inner.Calls);
        Assert.Contains(_log.Entries, e => e.Message.Contains("answers again"));
    }

    [Fact]
    public async Task Calls_TrialCallFails_CircuitOpensAgain()
    {
        _inner.Behaviour = ScriptedStore.Mode.Fail;
        var store = Store();
        for (var i = 0; i < 3; i++) await store.LoadStateAsync("c1", CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(5));
        await store.LoadStateAsync("c1", CancellationToken.None);
        await store.LoadStateAsync("c1", CancellationToken.None);

        Assert.Equal(StoreCircuitState.Open, store.Circuit);
        Assert.Equal(4, _inner.Calls);
    }

    [Fact]
    public async Task Failures_ManyWithinAMinute_OneWarningPerMinute()
    {
        _inner.Behaviour = ScriptedStore.Mode.Fail;
        var store = Store();

        for (var i = 0; i < 50; i++)
        {
            await store.LoadStateAsync("c1", CancellationToken.None);
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }
        Assert.Single(_log.Warnings);

        _time.Advance(TimeSpan.FromSeconds(40));
        await store.LoadStateAsync("c1", CancellationToken.None);
        Assert.Equal(2, _log.Warnings.Count);
        Assert.Contains("scripted", _log.Warnings[1]);
    }

    [Fact]
    public async Task CheckHealthAsync_CircuitOpen_ReportsDegradedWithTheLastError()
    {
        _inner.Behaviour = ScriptedStore.Mode.Fail;
        var store = Store();
        for (var i = 0; i < 3; i++) await store.LoadStateAsync("c1", CancellationToken.None);

        var health = await store.CheckHealthAsync(CancellationToken.None);

        Assert.False(health.Ok);
        Assert.Equal("scripted", health.Provider);
        Assert.Contains("circuit open", health.Detail);
        Assert.Contains("connection refused", health.Detail);
    }

    [Fact]
    public async Task LoadStateAsync_CallerCancels_Throws()
    {
        _inner.Behaviour = ScriptedStore.Mode.Stall;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store(TimeProvider.System).LoadStateAsync("c1", cancelled.Token));
    }
}
