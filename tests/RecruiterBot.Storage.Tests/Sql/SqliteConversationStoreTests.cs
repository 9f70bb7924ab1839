using Microsoft.Data.Sqlite;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage.Sql;

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

    // Checkpoints run beside the writer (SqliteCheckpointer): the log must stay bounded and the file consistent.

    [Fact]
    public async Task TrySaveStateAsync_ManyCommits_CheckpointsBesideTheWriterAndTheLogStaysBounded()
    {
        var store = (SqliteConversationStore)Open();
        // Each commit writes at least one page: a log that never started over would hold all of them.
        const int commits = 3 * SqliteCheckpointer.WriterCheckpointFrames;

        // One at a time, so each save is its own commit; 50 conversations, each saved again every 50th commit.
        for (var i = 0; i < commits; i++)
            Assert.True(await store.TrySaveStateAsync($"c{i % 50}", ConversationState.New() with { Version = i / 50 + 1 }, CancellationToken.None));
        await WaitForAsync(() => store.BackgroundCheckpoints >= 1);

        // The writer's own checkpoint lets the log start over once it reaches WriterCheckpointFrames pages; what is
        // committed while a background checkpoint runs comes on top (about 5% here, where a commit takes microseconds).
        var walBytes = new FileInfo(Database + "-wal").Length;
        Assert.True(walBytes < 2L * SqliteCheckpointer.WriterCheckpointFrames * 4120, $"the log grew to {walBytes:N0} bytes");
        Assert.Equal((commits - 1) / 50 + 1, (await Open().LoadStateAsync("c0", CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task DisposeAsync_AfterBackgroundCheckpoints_ClosesEveryConnection()
    {
        var store = (SqliteConversationStore)Open();
        var entry = new QuestionLogEntry(Time.GetUtcNow(), "webchat", "skill", "skill", "celery", 1, null, null);
        for (var i = 0; i < 2 * SqliteCheckpointer.CommitsPerCheckpoint; i++) await store.AppendQuestionAsync(entry, CancellationToken.None);
        await WaitForAsync(() => store.BackgroundCheckpoints >= 1);

        await store.DisposeAsync();

        // SQLite copies the log back and deletes it when the file's last connection closes: none was left open.
        Assert.False(File.Exists(Database + "-wal"), "a connection to the database file is still open");
        await using var check = new SqliteConnection($"Data Source={Database}");
        await check.OpenAsync();
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM question_log";
        Assert.Equal(2L * SqliteCheckpointer.CommitsPerCheckpoint, (long)(await count.ExecuteScalarAsync())!);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition(), "no background checkpoint finished within 5 s");
    }
}
