using Microsoft.Extensions.Time.Testing;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage.Resilience;
using RecruiterBot.Storage.Tests.Fakes;

namespace RecruiterBot.Storage.Tests;

public sealed class ConversationStateCacheTests
{
    private readonly ScriptedStore _inner = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task LoadStateAsync_AfterASavedTurn_AnswersTheSavedStateWithoutReadingTheStore()
    {
        var cache = new ConversationStateCache(_inner, capacity: 100);
        var first = await SaveAsync(cache, "c1", State(0), State(1, "a"));
        var second = await SaveAsync(cache, "c1", State(1, "a"), State(2, "a", "b"));

        var state = await cache.LoadStateAsync("c1", CancellationToken.None);

        Assert.Equal(TurnSaveResult.Saved, first);
        Assert.Equal(TurnSaveResult.Saved, second);
        Assert.Equal(2, state!.Version);
        Assert.Equal(["a", "b"], state.ShownChecks);
        Assert.Equal(0, _inner.Loads);
    }

    [Fact]
    public async Task LoadStateAsync_StateOnlyInTheStore_ReadsItOnceThenRemembersIt()
    {
        Assert.True(await _inner.TrySaveStateAsync("c1", State(1, "a"), CancellationToken.None));
        var cache = new ConversationStateCache(_inner, capacity: 100);

        var first = await cache.LoadStateAsync("c1", CancellationToken.None);
        var again = await cache.LoadStateAsync("c1", CancellationToken.None);

        Assert.Equal(1, first!.Version);
        Assert.Same(first, again);
        Assert.Equal(1, _inner.Loads);
    }

    [Fact]
    public async Task LoadStateAsync_NoState_AsksTheStoreEveryTime()
    {
        var cache = new ConversationStateCache(_inner, capacity: 100);

        Assert.Null(await cache.LoadStateAsync("c1", CancellationToken.None));
        Assert.Null(await cache.LoadStateAsync("c1", CancellationToken.None));

        Assert.Equal(2, _inner.Loads);
    }

    [Fact]
    public async Task TrySaveTurnAsync_StoreMovedOnBehindTheCache_SupersededAndTheNextLoadReadsTheStore()
    {
        var cache = new ConversationStateCache(_inner, capacity: 100);
        await SaveAsync(cache, "c1", State(0), State(1, "a"));
        // Another writer (another process, the retention job) moves the conversation on in the store itself.
        Assert.True(await _inner.TrySaveStateAsync("c1", State(2, "a", "x"), CancellationToken.None));

        var stale = await cache.LoadStateAsync("c1", CancellationToken.None);
        var result = await SaveAsync(cache, "c1", stale!, State(2, "a", "b"));
        var reloaded = await cache.LoadStateAsync("c1", CancellationToken.None);

        Assert.Equal(1, stale!.Version);
        Assert.Equal(TurnSaveResult.Superseded, result);
        Assert.Equal(["a", "x"], reloaded!.ShownChecks);
        Assert.Equal(1, _inner.Loads);
    }

    [Fact]
    public async Task TrySaveTurnAsync_StoreDown_TheUnsavedStateIsNotRememberedOverTheStoresOwn()
    {
        var store = new ResilientConversationStore(_inner, "scripted", TimeSpan.FromMilliseconds(250), failureThreshold: 3,
            breakDuration: TimeSpan.FromSeconds(5), _time, new ListLogger<ResilientConversationStore>());
        var cache = new ConversationStateCache(store, capacity: 100);
        await SaveAsync(cache, "c1", State(0), State(1, "a"));

        _inner.Behaviour = ScriptedStore.Mode.Fail;
        var unsaved = await SaveAsync(cache, "c1", State(1, "a"), State(2, "a", "b"));
        _inner.Behaviour = ScriptedStore.Mode.Answer;
        var state = await cache.LoadStateAsync("c1", CancellationToken.None);

        Assert.True(unsaved.IsSaved);
        Assert.False(unsaved.ReachedStore);
        Assert.Equal(1, state!.Version);
        Assert.Equal(1, _inner.Loads);
    }

    [Fact]
    public async Task TrySaveTurnAsync_WriteThrows_ForgetsTheConversation()
    {
        var cache = new ConversationStateCache(_inner, capacity: 100);
        await SaveAsync(cache, "c1", State(0), State(1, "a"));

        _inner.Behaviour = ScriptedStore.Mode.Fail;
        await Assert.ThrowsAsync<InvalidOperationException>(() => SaveAsync(cache, "c1", State(1, "a"), State(2, "a", "b")));
        _inner.Behaviour = ScriptedStore.Mode.Answer;
        await cache.LoadStateAsync("c1", CancellationToken.None);

        Assert.Equal(1, _inner.Loads);
    }

    [Fact]
    public async Task TrySaveTurnAsync_Duplicate_KeepsTheRememberedState()
    {
        var cache = new ConversationStateCache(_inner, capacity: 100);
        await cache.TrySaveTurnAsync(new("c1", "webchat:c1:r1", State(0), State(1, "a"), Question()), CancellationToken.None);

        var duplicate = await cache.TrySaveTurnAsync(new("c1", "webchat:c1:r1", State(1, "a"), State(2, "a", "b"), Question()), CancellationToken.None);
        var state = await cache.LoadStateAsync("c1", CancellationToken.None);

        Assert.NotNull(duplicate.DuplicateOf);
        Assert.Equal(1, state!.Version);
        Assert.Equal(0, _inner.Loads);
    }

    [Fact]
    public async Task Remember_ManyConversations_KeepsAtMostTheCapacityAndTheMostRecentlyUsed()
    {
        var cache = new ConversationStateCache(_inner, capacity: 10);
        for (var i = 0; i < 100; i++) await SaveAsync(cache, $"c{i}", State(0), State(1, "a"));

        Assert.InRange(cache.Count, 5, 10);
        await cache.LoadStateAsync("c99", CancellationToken.None);
        Assert.Equal(0, _inner.Loads);
        await cache.LoadStateAsync("c0", CancellationToken.None);
        Assert.Equal(1, _inner.Loads);
    }

    [Fact]
    public async Task Remember_AConversationInUse_SurvivesOthersComingAndGoing()
    {
        var cache = new ConversationStateCache(_inner, capacity: 10);
        await SaveAsync(cache, "busy", State(0), State(1, "a"));
        for (var i = 0; i < 100; i++)
        {
            await SaveAsync(cache, $"c{i}", State(0), State(1, "a"));
            Assert.NotNull(await cache.LoadStateAsync("busy", CancellationToken.None));
        }

        Assert.Equal(0, _inner.Loads);
    }

    private Task<TurnSaveResult> SaveAsync(ConversationStateCache cache, string key, ConversationState before, ConversationState after) =>
        cache.TrySaveTurnAsync(new(key, null, before, after, Question()), CancellationToken.None);

    private QuestionLogEntry Question() => new(_time.GetUtcNow(), "webchat", "skill", "skill", "celery", 1, null, null);

    private static ConversationState State(long version, params string[] shown) => new() { Seed = 42, Version = version, ShownChecks = shown };
}
