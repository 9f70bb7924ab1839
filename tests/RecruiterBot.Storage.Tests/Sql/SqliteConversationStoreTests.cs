using Microsoft.Data.Sqlite;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Storage.Tests.Sql;

public sealed class SqliteConversationStoreTests : ConversationStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recruiterbot-sqlite-" + Guid.NewGuid().ToString("N")[..10]);

    // A folder that does not exist yet: the store creates it, as on a first start.
    protected override Task<string> NewDatabaseAsync() => Task.FromResult(Path.Combine(_folder, "data", "recruiterbot.db"));

    protected override Dictionary<string, string?> HostSettings(string database) => Host.BotFactory.SqliteSettings(database);

    protected override Task CleanUpAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task MigrateAsync_NewPath_CreatesTheFolderAndFile()
    {
        await Open().MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(Database));
    }

    [Fact]
    public async Task AppendQuestionAsync_TwoHundredParallelWrites_AllKept()
    {
        var store = Open();
        var entry = new QuestionLogEntry(Time.GetUtcNow(), "webchat", "skill", "skill", "celery", 1, null, null);

        // Writes queue in the store (one SQLite writer at a time) instead of failing or sleeping on a locked file.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => store.AppendQuestionAsync(entry, CancellationToken.None))));

        var stats = await store.GetQuestionStatsAsync(Time.GetUtcNow().AddDays(-1), 10, CancellationToken.None);
        Assert.Equal(200, stats.Total);
    }

    // The store keeps its connections open with their statements prepared; these check that what it keeps stays true.

    [Fact]
    public async Task LoadStateAsync_OtherStoreOnTheSameFileSavedSince_SeesTheNewVersion()
    {
        var writer = Open();
        var reader = Open();
        await writer.TrySaveStateAsync("c1", ConversationState.New() with { Version = 1 }, CancellationToken.None);
        Assert.Equal(1, (await reader.LoadStateAsync("c1", CancellationToken.None))!.Version);

        await writer.TrySaveStateAsync("c1", ConversationState.New() with { Version = 2 }, CancellationToken.None);

        Assert.Equal(2, (await reader.LoadStateAsync("c1", CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task TrySaveStateAsync_SchemaChangedByAnotherConnection_KeptStatementsStillRun()
    {
        var store = Open();
        await store.TrySaveStateAsync("c1", ConversationState.New() with { Version = 1 }, CancellationToken.None);
        await store.LoadStateAsync("c1", CancellationToken.None);

        // As a newer instance migrating the file would: the prepared statements must be prepared again, not fail.
        await using (var other = new SqliteConnection($"Data Source={Database}"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "CREATE INDEX conversation_state_updated_at ON conversation_state (updated_at_ms)";
            await command.ExecuteNonQueryAsync();
        }

        Assert.True(await store.TrySaveStateAsync("c1", ConversationState.New() with { Version = 2 }, CancellationToken.None));
        Assert.Equal(2, (await store.LoadStateAsync("c1", CancellationToken.None))!.Version);
    }
}
