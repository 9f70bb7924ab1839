using Microsoft.Data.Sqlite;

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
}
