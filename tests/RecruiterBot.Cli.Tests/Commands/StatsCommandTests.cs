using System.Text.Json;
using Microsoft.Data.Sqlite;
using RecruiterBot.Storage;

namespace RecruiterBot.Cli.Tests.Commands;

public sealed class StatsCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recruiterbot-stats-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync(args, new StringReader(""), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private async Task<string> SeedAsync()
    {
        var path = Path.Combine(_folder, "recruiterbot.db");
        await using var store = StorageServices.CreateStore(new StorageOptions { SqlitePath = path }, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        await store.AppendQuestionAsync(new QuestionLogEntry(now, "slack", "skill", "skill", "celery", 1, null, null), CancellationToken.None);
        await store.AppendQuestionAsync(new QuestionLogEntry(now, "webchat", "skill", "skill", "celery", 1, null, null), CancellationToken.None);
        await store.AppendQuestionAsync(new QuestionLogEntry(now, "webchat", "unknown", null, null, 0, "what is \u001b[31mhaskell", null), CancellationToken.None);
        return path;
    }

    [Fact]
    public async Task Stats_LoggedQuestions_PrintsChannelsIntentsTopEntriesAndUnanswered()
    {
        var db = await SeedAsync();

        var (exit, output, _) = await RunAsync("stats", "--db", db);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("Questions in the last 30 days", output);
        Assert.Contains(": 3, unanswered 1", output);
        Assert.Contains("1. skill/celery  2", output);
        Assert.Contains("what is ?[31mhaskell", output);
        Assert.DoesNotContain("\u001b", output);
    }

    [Fact]
    public async Task Stats_Json_PrintsTheAdminJson()
    {
        var db = await SeedAsync();

        var (exit, output, _) = await RunAsync("stats", "--db", db, "--json", "--days", "7");

        Assert.Equal(CliApp.Ok, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(3, json.GetProperty("total").GetInt64());
        Assert.Equal("celery", json.GetProperty("topEntries")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Stats_NoDatabaseFile_FailsSayingWhereItLooked()
    {
        var missing = Path.Combine(_folder, "nothing.db");

        var (exit, _, error) = await RunAsync("stats", "--db", missing);

        Assert.Equal(CliApp.Failed, exit);
        Assert.Contains("no question log at " + missing, error);
        Assert.False(File.Exists(missing));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("400")]
    public async Task Stats_DaysOutOfRange_BadUsage(string days)
    {
        var (exit, _, error) = await RunAsync("stats", "--days", days);

        Assert.Equal(CliApp.BadUsage, exit);
        Assert.Contains("--days", error);
    }
}
