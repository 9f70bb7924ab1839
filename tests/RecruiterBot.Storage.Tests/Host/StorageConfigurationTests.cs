using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RecruiterBot.Channels.Admin;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Storage.Resilience;

namespace RecruiterBot.Storage.Tests.Host;

public sealed class StorageConfigurationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recruiterbot-config-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("Storage:Provider", "mysql", "Storage:Provider must be 'sqlite' or 'postgres'")]
    [InlineData("Storage:LogRetentionDays", "0", "Storage:LogRetentionDays")]
    [InlineData("Storage:StateRetentionDays", "4000", "Storage:StateRetentionDays")]
    [InlineData("Storage:CallTimeoutMilliseconds", "-5", "Storage:CallTimeoutMilliseconds")]
    [InlineData("Storage:StateCacheEntries", "-1", "Storage:StateCacheEntries must be between 0 and 1000000")]
    [InlineData("Storage:SqlitePath", "", "Storage:SqlitePath")]
    [InlineData("Admin:Token", "short", "Admin:Token must be at least 16 characters")]
    public void Start_InvalidSetting_FailsNamingTheKey(string key, string value, string message)
    {
        var settings = BotFactory.SqliteSettings(Path.Combine(_folder, "bot.db"));
        settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(settings));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Start_PostgresWithoutConnectionString_FailsNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(new() { ["Storage:Provider"] = "postgres" }));

        Assert.Contains("ConnectionStrings:RecruiterBot is required", error.Message);
    }

    [Fact]
    public void Start_DefaultSettings_Valid()
    {
        ValidateAtStart(new());
    }

    [Theory]
    [InlineData("sqlite", "10000", typeof(ConversationStateCache))]
    [InlineData("sqlite", "0", typeof(ResilientConversationStore))]
    [InlineData("postgres", "10000", typeof(ResilientConversationStore))]
    public async Task Services_StateCacheEntries_CacheOnlyOnSqliteAndOnlyWhenOn(string provider, string entries, Type expected)
    {
        var settings = BotFactory.SqliteSettings(Path.Combine(_folder, "bot.db"));
        settings["Storage:Provider"] = provider;
        settings["Storage:StateCacheEntries"] = entries;
        // Never connected to: resolving the store opens no connection.
        settings["ConnectionStrings:RecruiterBot"] = "Host=127.0.0.1;Port=1;Database=none";
        await using var services = Services(settings);

        Assert.IsType(expected, services.GetRequiredService<IConversationStore>());
    }

    // What the host runs at start-up (ValidateOnStart), without the test host's start-up race on failure.
    private static void ValidateAtStart(Dictionary<string, string?> settings)
    {
        using var provider = Services(settings);
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging().AddRecruiterBotCore().AddAdminPage();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Readyz_SqliteStore_ReadyAndTheFileIsCreatedOnFirstStart()
    {
        var path = Path.Combine(_folder, "data", "recruiterbot.db");
        await using var bot = new BotFactory(BotFactory.SqliteSettings(path));
        using var http = bot.CreateClient();

        var body = await http.GetFromJsonAsync<JsonElement>("/readyz");

        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.StartsWith("sqlite", body.GetProperty("checks").GetProperty("store").GetProperty("detail").GetString());
        Assert.True(File.Exists(path));
    }
}
