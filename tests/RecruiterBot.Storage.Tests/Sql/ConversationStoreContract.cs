using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage.Sql;
using RecruiterBot.Storage.Stats;
using RecruiterBot.Storage.Tests.Host;

namespace RecruiterBot.Storage.Tests.Sql;

/// <summary>The behaviour both providers must have; each provider's test class supplies a fresh empty database.</summary>
public abstract class ConversationStoreContract : IAsyncLifetime
{
    private readonly List<SqlConversationStore> _stores = [];

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    /// <summary>The database of this test: a SQLite file or a PostgreSQL connection string.</summary>
    protected string Database { get; private set; } = "";

    protected abstract Task<string> NewDatabaseAsync();

    protected abstract Dictionary<string, string?> HostSettings(string database);

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => Database = await NewDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
        await CleanUpAsync();
    }

    private StorageOptions Options()
    {
        var settings = HostSettings(Database);
        return new StorageOptions
        {
            Provider = settings["Storage:Provider"]!,
            SqlitePath = settings.GetValueOrDefault("Storage:SqlitePath") ?? "unused.db",
            ConnectionString = settings.GetValueOrDefault("ConnectionStrings:RecruiterBot"),
        };
    }

    protected SqlConversationStore Open()
    {
        var store = StorageServices.CreateStore(Options(), Time);
        _stores.Add(store);
        return store;
    }

    private static ConversationState State(long version, params string[] shown) => new()
    {
        Seed = 42,
        Version = version,
        ShownChecks = shown,
        LastTopic = new TopicRef(EntryRef.Interview, "check-1", "core", "python"),
    };

    [Fact]
    public async Task LoadStateAsync_NothingSaved_ReturnsNull()
    {
        Assert.Null(await Open().LoadStateAsync("webchat:nobody", CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveStateAsync_FirstThenNextVersion_LoadsWhatWasSaved()
    {
        var store = Open();
        Assert.True(await store.TrySaveStateAsync("c1", State(1, "a"), CancellationToken.None));
        Assert.True(await store.TrySaveStateAsync("c1", State(2, "a", "b"), CancellationToken.None));

        var loaded = await Open().LoadStateAsync("c1", CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(2, loaded.Version);
        Assert.Equal(42, loaded.Seed);
        Assert.Equal(["a", "b"], loaded.ShownChecks);
        Assert.Equal(new TopicRef(EntryRef.Interview, "check-1", "core", "python"), loaded.LastTopic);
    }

    [Fact]
    public async Task TrySaveStateAsync_VersionNotNext_ReturnsFalseAndKeepsState()
    {
        var store = Open();
        Assert.True(await store.TrySaveStateAsync("c1", State(1, "a"), CancellationToken.None));

        Assert.False(await store.TrySaveStateAsync("c1", State(1, "x"), CancellationToken.None));
        Assert.False(await store.TrySaveStateAsync("c1", State(3, "x"), CancellationToken.None));
        Assert.False(await store.TrySaveStateAsync("other", State(2, "x"), CancellationToken.None));

        Assert.Equal(["a"], (await store.LoadStateAsync("c1", CancellationToken.None))!.ShownChecks);
        Assert.Null(await store.LoadStateAsync("other", CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveStateAsync_FiftyParallelSavesOfOneVersion_ExactlyOneWins()
    {
        var store = Open();
        await store.MigrateAsync(CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => store.TrySaveStateAsync("race", State(1, $"check-{i}"), CancellationToken.None))));

        Assert.Single(results, saved => saved);
    }

    private QuestionLogEntry Question(string id) => new(Time.GetUtcNow(), "webchat", "skill", "skill", id, 1, null, null);

    private async Task<IReadOnlyList<EntryCount>> LoggedEntries(SqlConversationStore store) =>
        (await store.GetQuestionStatsAsync(Time.GetUtcNow().AddDays(-1), 10, CancellationToken.None)).TopEntries;

    [Fact]
    public async Task TrySaveTurnAsync_SavedOrSuperseded_LogsTheQuestionOnlyWithTheSavedState()
    {
        var store = Open();

        Assert.Equal(TurnSaveResult.Saved, await store.TrySaveTurnAsync(new("c1", null, State(0), State(1, "a"), Question("celery")), CancellationToken.None));
        Assert.Equal(TurnSaveResult.Superseded, await store.TrySaveTurnAsync(new("c1", null, State(0), State(1, "x"), Question("stale")), CancellationToken.None));
        Assert.Equal(TurnSaveResult.Saved, await store.TrySaveTurnAsync(new("c1", null, State(1, "a"), State(2, "a", "b"), Question("flask")), CancellationToken.None));

        Assert.Equal(["a", "b"], (await store.LoadStateAsync("c1", CancellationToken.None))!.ShownChecks);
        Assert.Equal([new EntryCount("skill", "celery", 1), new EntryCount("skill", "flask", 1)], await LoggedEntries(store));
    }

    [Fact]
    public async Task TrySaveTurnAsync_SameInboundIdTwice_SecondIsADuplicateOfTheFirstAndSavesNothing()
    {
        var store = Open();

        Assert.Equal(TurnSaveResult.Saved, await store.TrySaveTurnAsync(new("c1", "webchat:c1:1", State(0), State(1, "a"), Question("celery")), CancellationToken.None));
        var again = await store.TrySaveTurnAsync(new("c1", "webchat:c1:1", State(1, "a"), State(2, "a", "b"), Question("flask")), CancellationToken.None);

        Assert.False(again.IsSaved);
        Assert.Equal("webchat:c1:1", again.DuplicateOf!.InboundId);
        Assert.Equal(0, again.DuplicateOf.StateBefore!.Version);
        Assert.Equal(1, (await store.LoadStateAsync("c1", CancellationToken.None))!.Version);
        Assert.Equal([new EntryCount("skill", "celery", 1)], await LoggedEntries(store));
    }

    [Fact]
    public async Task TrySaveTurnAsync_LogRowFails_NothingOfTheTurnIsKept()
    {
        var store = Open();
        // A log row the schema refuses (channel is NOT NULL): the last of the turn's three statements fails.
        var refused = new QuestionLogEntry(Time.GetUtcNow(), null!, "skill", "skill", "celery", 1, null, null);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            store.TrySaveTurnAsync(new("c1", "slack:Ev1", State(0), State(1, "a"), refused), CancellationToken.None));

        // Neither the claim nor the state stayed: the platform's retry is answered, not taken for a duplicate.
        Assert.Null(await store.LoadStateAsync("c1", CancellationToken.None));
        Assert.Equal(TurnSaveResult.Saved, await store.TrySaveTurnAsync(new("c1", "slack:Ev1", State(0), State(1, "a"), Question("celery")), CancellationToken.None));
        Assert.Equal([new EntryCount("skill", "celery", 1)], await LoggedEntries(store));
    }

    [Fact]
    public async Task TrySaveTurnAsync_OneWriteOfABatchFails_TheOthersAreKept()
    {
        var store = Open();
        var refused = new QuestionLogEntry(Time.GetUtcNow(), null!, "skill", "skill", "flask", 1, null, null);

        // Sent together, so SQLite commits them in one batch; PostgreSQL runs each on its own.
        var turns = Enumerable.Range(0, 20).Select(i => store.TrySaveTurnAsync(
            new($"c{i}", $"slack:Ev{i}", State(0), State(1, "a"), i % 4 == 0 ? refused : Question("celery")), CancellationToken.None)).ToList();
        await Task.WhenAll(turns.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        for (var i = 0; i < turns.Count; i++)
        {
            var state = await store.LoadStateAsync($"c{i}", CancellationToken.None);
            if (i % 4 == 0) Assert.True(turns[i].IsFaulted && state is null, $"turn {i} failed, and nothing of it was kept");
            else Assert.True((await turns[i]).IsSaved && state!.Version == 1, $"turn {i} was saved");
        }
        Assert.Equal([new EntryCount("skill", "celery", 15)], await LoggedEntries(store));
    }

    [Fact]
    public async Task TrySaveTurnAsync_Superseded_ReleasesItsClaimSoTheRunAgainIsSaved()
    {
        var store = Open();
        Assert.True(await store.TrySaveStateAsync("c1", State(1, "other"), CancellationToken.None));

        Assert.Equal(TurnSaveResult.Superseded, await store.TrySaveTurnAsync(new("c1", "slack:Ev1", State(0), State(1, "a"), Question("celery")), CancellationToken.None));
        Assert.Equal(TurnSaveResult.Saved, await store.TrySaveTurnAsync(new("c1", "slack:Ev1", State(1, "other"), State(2, "other", "a"), Question("celery")), CancellationToken.None));

        Assert.Equal(["other", "a"], (await store.LoadStateAsync("c1", CancellationToken.None))!.ShownChecks);
        Assert.NotNull(await store.TryClaimInboundAsync("slack:Ev1", null, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimInboundAsync_SameIdTwice_SecondGetsFirstClaimWithItsState()
    {
        var store = Open();

        Assert.Null(await store.TryClaimInboundAsync("Ev123", State(3, "a"), CancellationToken.None));
        Time.Advance(TimeSpan.FromMinutes(5));
        var duplicate = await Open().TryClaimInboundAsync("Ev123", State(4, "a", "b"), CancellationToken.None);

        Assert.NotNull(duplicate);
        Assert.Equal("Ev123", duplicate.InboundId);
        Assert.Equal(3, duplicate.StateBefore!.Version);
        Assert.Equal(Time.GetUtcNow().AddMinutes(-5), duplicate.ClaimedAt);
    }

    [Fact]
    public async Task TryClaimInboundAsync_AfterADay_IsNewAgain()
    {
        var store = Open();
        Assert.Null(await store.TryClaimInboundAsync("activity-1", null, CancellationToken.None));

        Time.Advance(InboundClaim.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Null(await store.TryClaimInboundAsync("activity-1", null, CancellationToken.None));
        Assert.NotNull(await store.TryClaimInboundAsync("activity-1", null, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseInboundAsync_ClaimedId_CanBeClaimedAgain()
    {
        var store = Open();
        Assert.Null(await store.TryClaimInboundAsync("req-1", null, CancellationToken.None));

        await store.ReleaseInboundAsync("req-1", CancellationToken.None);

        Assert.Null(await store.TryClaimInboundAsync("req-1", null, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimInboundAsync_FiftyParallelClaimsOfOneId_ExactlyOneIsNew()
    {
        var store = Open();
        await store.MigrateAsync(CancellationToken.None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => store.TryClaimInboundAsync("Ev-race", null, CancellationToken.None))));

        Assert.Single(claims, c => c is null);
    }

    [Fact]
    public async Task GetQuestionStatsAsync_LoggedQuestions_CountsPerDayChannelIntentEntryAndUnanswered()
    {
        var store = Open();
        var day1 = new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero);
        var day2 = day1.AddDays(1);
        QuestionLogEntry Entry(DateTimeOffset at, string channel, string intent, string? kind = null, string? id = null, string? question = null) =>
            new(at, channel, intent, kind, id, intent == "unknown" ? 0 : 1, question, null);
        QuestionLogEntry[] entries =
        [
            Entry(day1.AddDays(-60), "webchat", "skill", "skill", "celery"),
            Entry(day1, "webchat", "skill", "skill", "celery"),
            Entry(day1.AddHours(1), "slack", "skill", "skill", "celery"),
            Entry(day1.AddHours(2), "msteams", "glossary", "glossary", "flask"),
            Entry(day2, "webchat", "unknown", question: "what is haskell"),
            Entry(day2.AddHours(1), "slack", "unknown", question: "cobol?"),
            Entry(day2.AddHours(2), "webchat", "unknown", question: "what is haskell"),
            new(day2.AddHours(3), "webchat", "resume", "skill", "python", 1, null, 4),
            Entry(day2.AddHours(4), "webchat", "interview", "interview", "orm-n-plus-one"),
        ];
        foreach (var e in entries) await store.AppendQuestionAsync(e, CancellationToken.None);

        var stats = await Open().GetQuestionStatsAsync(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), 10, CancellationToken.None);

        Assert.Equal(8, stats.Total);
        Assert.Equal(
        [
            new DayCount(new DateOnly(2026, 11, 19), "msteams", 1), new DayCount(new DateOnly(2026, 11, 19), "slack", 1),
            new DayCount(new DateOnly(2026, 11, 19), "webchat", 1), new DayCount(new DateOnly(2026, 11, 20), "slack", 1),
            new DayCount(new DateOnly(2026, 11, 20), "webchat", 4),
        ], stats.PerDay);
        Assert.Equal([new NamedCount("webchat", 5), new NamedCount("slack", 2), new NamedCount("msteams", 1)], stats.PerChannel);
        Assert.Equal([new NamedCount("unknown", 3), new NamedCount("skill", 2), new NamedCount("glossary", 1), new NamedCount("interview", 1), new NamedCount("resume", 1)], stats.Intents);
        Assert.Equal([new EntryCount("skill", "celery", 2), new EntryCount("glossary", "flask", 1), new EntryCount("interview", "orm-n-plus-one", 1)], stats.TopEntries);
        Assert.Equal([new UnansweredQuestion("what is haskell", 2, day2.AddHours(2)), new UnansweredQuestion("cobol?", 1, day2.AddHours(1))], stats.Unanswered);
    }

    [Fact]
    public async Task GetQuestionStatsAsync_MoreThanTwentyEntries_ListsTheTwentyMostAsked()
    {
        var store = Open();
        for (var i = 0; i < 25; i++)
            for (var n = 0; n <= i; n++)
                await store.AppendQuestionAsync(new QuestionLogEntry(Time.GetUtcNow(), "webchat", "skill", "skill", $"s{i:00}", 1, null, null), CancellationToken.None);

        var stats = await store.GetQuestionStatsAsync(Time.GetUtcNow().AddDays(-1), 10, CancellationToken.None);

        Assert.Equal(QuestionStats.TopEntryLimit, stats.TopEntries.Count);
        Assert.Equal(new EntryCount("skill", "s24", 25), stats.TopEntries[0]);
        Assert.Equal(new EntryCount("skill", "s05", 6), stats.TopEntries[^1]);
    }

    [Fact]
    public async Task DeleteExpiredAsync_OldLogRowsClaimsAndStates_DeletesOnlyThose()
    {
        var store = Open();
        var now = Time.GetUtcNow();
        await store.AppendQuestionAsync(new QuestionLogEntry(now.AddDays(-100), "webchat", "skill", "skill", "old", 1, null, null), CancellationToken.None);
        await store.AppendQuestionAsync(new QuestionLogEntry(now.AddDays(-10), "webchat", "skill", "skill", "recent", 1, null, null), CancellationToken.None);
        await store.TryClaimInboundAsync("old-claim", null, CancellationToken.None);
        Assert.True(await store.TrySaveStateAsync("idle", State(1, "a"), CancellationToken.None));
        Assert.True(await store.TrySaveStateAsync("active", State(1, "b"), CancellationToken.None));
        Time.Advance(TimeSpan.FromDays(2));
        await store.TryClaimInboundAsync("new-claim", null, CancellationToken.None);
        // "active" had a turn since; "idle" did not.
        Assert.True(await store.TrySaveStateAsync("active", State(2, "b", "c"), CancellationToken.None));

        var deleted = await store.DeleteExpiredAsync(Time.GetUtcNow().AddDays(-90), Time.GetUtcNow().AddDays(-1), CancellationToken.None);

        Assert.Equal(new ExpiredRows(LogRows: 1, Claims: 1, Conversations: 1), deleted);
        var stats = await store.GetQuestionStatsAsync(now.AddDays(-365), 10, CancellationToken.None);
        Assert.Equal([new EntryCount("skill", "recent", 1)], stats.TopEntries);
        Assert.NotNull(await store.TryClaimInboundAsync("new-claim", null, CancellationToken.None));
        Assert.Null(await store.LoadStateAsync("idle", CancellationToken.None));
        Assert.Equal(2, (await store.LoadStateAsync("active", CancellationToken.None))!.Version);
        // The idle conversation starts afresh: its first save is version 1 again.
        Assert.True(await store.TrySaveStateAsync("idle", State(1, "a"), CancellationToken.None));
    }

    [Fact]
    public async Task MigrateAsync_TwoInstancesStartingTogether_BothSucceedOnOneSchema()
    {
        var (first, second) = (Open(), Open());

        await Task.WhenAll(Task.Run(() => first.MigrateAsync(CancellationToken.None)), Task.Run(() => second.MigrateAsync(CancellationToken.None)));
        await first.TrySaveStateAsync("c1", State(1), CancellationToken.None);

        var health = await Open().CheckHealthAsync(CancellationToken.None);
        Assert.True(health.Ok);
        Assert.Contains($"schema version {Migration.Latest}", health.Detail);
        Assert.NotNull(await second.LoadStateAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task Chat_FiftyParallelAnotherQuestionRequestsOnTwoInstances_EveryUpdateKeptAndNoRepeatWithinThePool()
    {
        var settings = HostSettings(Database);
        settings["Storage:CallTimeoutMilliseconds"] = "10000";
        await using var a = new BotFactory(settings);
        await using var b = new BotFactory(settings);
        var poolSize = a.Services.GetRequiredService<Core.Knowledge.KnowledgeBase>().Interview.Count;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).SayAsync("busy", "another question", requestId: $"req-{i}"))));

        var checks = answers.Select(answer => answer.Check()).ToList();
        var state = await Open().LoadStateAsync(BotFactory.StateKey("busy"), CancellationToken.None);
        Assert.Equal(50, state!.Version);
        // The pool restarts only when used up: every check is shown 50 / pool times, give or take one.
        var perCheck = checks.GroupBy(c => c).Select(g => g.Count()).ToList();
        Assert.Equal(poolSize, perCheck.Count);
        Assert.All(perCheck, count => Assert.InRange(count, 50 / poolSize, (50 + poolSize - 1) / poolSize));
        Assert.Equal(50 / poolSize, answers.Count(answer => answer.PoolRestarted));
    }
}
