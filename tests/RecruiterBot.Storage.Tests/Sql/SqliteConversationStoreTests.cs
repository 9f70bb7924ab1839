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
}
