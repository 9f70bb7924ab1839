using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage.Sql;
using RecruiterBot.Storage.Tests.Fakes;

namespace RecruiterBot.Storage.Tests;

public sealed class StorageMaintenanceServiceTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recruiterbot-retention-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<StorageMaintenanceService> _log = new();
    private readonly List<SqlConversationStore> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var s in _stores) await s.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private StorageMaintenanceService Service(StorageOptions options)
    {
        var store = StorageServices.CreateStore(options, _time);
        _stores.Add(store);
        return new StorageMaintenanceService(store, Options.Create(options), _time, _log);
    }

    [Fact]
    public async Task DeleteExpiredAsync_RowsOlderThanTheRetention_Deleted()
    {
        var options = new StorageOptions { SqlitePath = Path.Combine(_folder, "bot.db"), LogRetentionDays = 30 };
        var service = Service(options);
        var store = _stores[0];
        await store.AppendQuestionAsync(new QuestionLogEntry(_time.GetUtcNow().AddDays(-31), "slack", "skill", "skill", "old", 1, null, null), CancellationToken.None);
        await store.AppendQuestionAsync(new QuestionLogEntry(_time.GetUtcNow().AddDays(-29), "slack", "skill", "skill", "kept", 1, null, null), CancellationToken.None);

        await service.DeleteExpiredAsync(CancellationToken.None);

        var stats = await store.GetQuestionStatsAsync(_time.GetUtcNow().AddDays(-365), 10, CancellationToken.None);
        Assert.Equal(1, stats.Total);
        Assert.Contains(_log.Entries, e => e.Message.Contains("deleted 1 question-log rows"));
    }

    [Fact]
    public async Task DeleteExpiredAsync_ConversationIdlePastStateRetention_StartsAfresh()
    {
        var options = new StorageOptions { SqlitePath = Path.Combine(_folder, "bot.db"), StateRetentionDays = 30 };
        var service = Service(options);
        var store = _stores[0];
        Assert.True(await store.TrySaveStateAsync("idle", ConversationState.New(1) with { Version = 1 }, CancellationToken.None));
        _time.Advance(TimeSpan.FromDays(2));
        Assert.True(await store.TrySaveStateAsync("recent", ConversationState.New(2) with { Version = 1 }, CancellationToken.None));
        _time.Advance(TimeSpan.FromDays(29));

        await service.DeleteExpiredAsync(CancellationToken.None);

        Assert.Null(await store.LoadStateAsync("idle", CancellationToken.None));
        Assert.NotNull(await store.LoadStateAsync("recent", CancellationToken.None));
        Assert.Contains(_log.Entries, e => e.Message.Contains("the state of 1 idle conversations"));
    }

    [Fact]
    public async Task StartAsync_DatabaseUnreachable_StartsAnywayAndWarns()
    {
        // Nothing listens on port 1; the host must start regardless (the store migrates on its first call instead).
        var service = Service(new StorageOptions { Provider = "postgres", ConnectionString = "Host=127.0.0.1;Port=1;Username=x;Database=x", ConnectTimeoutSeconds = 1 });

        await service.StartAsync(CancellationToken.None);
        await service.StopAsync(CancellationToken.None);

        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Could not migrate"));
    }
}
