using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Storage.Sql;

namespace RecruiterBot.Storage.Tests.Host;

/// <summary>The SQLite host remembers conversation states (<see cref="ConversationStateCache"/>); these change the
/// stored state behind its back, as the retention job or another writer would, over <c>POST /api/chat</c>.</summary>
public sealed class StateCacheTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recruiterbot-cache-" + Guid.NewGuid().ToString("N")[..10]);
    private BotFactory _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotFactory(BotFactory.SqliteSettings(Path.Combine(_folder, "bot.db")));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private SqlConversationStore Stored => _bot.Services.GetRequiredService<SqlConversationStore>();

    [Fact]
    public void Services_SqliteByDefault_TurnsGoThroughTheCache()
    {
        Assert.IsType<ConversationStateCache>(_bot.Services.GetRequiredService<IConversationStore>());
    }

    [Fact]
    public async Task Chat_StateDeletedByRetention_NextTurnStartsAfreshInTheStore()
    {
        await _bot.SayAsync("idle", "another question");
        await _bot.SayAsync("idle", "another question");
        Assert.Equal(2, (await Stored.LoadStateAsync(BotFactory.StateKey("idle"), CancellationToken.None))!.Version);

        var deleted = await Stored.DeleteExpiredAsync(DateTimeOffset.MinValue, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        await _bot.SayAsync("idle", "another question");

        Assert.Equal(1, deleted.Conversations);
        var state = await Stored.LoadStateAsync(BotFactory.StateKey("idle"), CancellationToken.None);
        Assert.Equal(1, state!.Version);
        Assert.Single(state.ShownChecks);
    }

    [Fact]
    public async Task Chat_StateMovedOnBehindTheCache_TheTurnRunsAgainFromTheStoredState()
    {
        var key = BotFactory.StateKey("moved");
        var first = (await _bot.SayAsync("moved", "another question")).Check();
        var pool = _bot.Services.GetRequiredService<KnowledgeBase>().Interview.Select(c => c.Id).ToList();
        var remaining = pool.First(id => id != first);
        // Another writer shows every check but one in this conversation.
        var state = (await Stored.LoadStateAsync(key, CancellationToken.None))!;
        Assert.True(await Stored.TrySaveStateAsync(key, state with { Version = 2, ShownChecks = pool.Where(id => id != remaining).ToList() }, CancellationToken.None));

        var next = await _bot.SayAsync("moved", "another question");

        Assert.Equal(remaining, next.Check());
        Assert.Equal(3, (await Stored.LoadStateAsync(key, CancellationToken.None))!.Version);
    }
}
