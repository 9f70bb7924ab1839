using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RecruiterBot.Channels.Admin;
using RecruiterBot.Channels.Conversation;

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

    // What the host runs at start-up (ValidateOnStart), without the test host's start-up race on failure.
    private static void ValidateAtStart(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddRecruiterBotCore().AddAdminPage();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
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
