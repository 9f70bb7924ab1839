using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Channels.WebChat;

namespace RecruiterBot.Host.Tests;

public sealed class HostConfigurationTests
{
    [Theory]
    [InlineData("WebChat:MaxRequestBytes", "0", "WebChat:MaxRequestBytes must be between 1024 and 10485760")]
    [InlineData("WebChat:MaxRequestBytes", "lots", "WebChat:MaxRequestBytes")]
    [InlineData("WebChat:Enabled", "maybe", "WebChat:Enabled")]
    [InlineData("Knowledge:Path", "", "Knowledge:Path is required")]
    public void Start_BadValue_FailsNamingTheKey(string key, string value, string message)
    {
        var error = Assert.ThrowsAny<Exception>(() => ValidateAtStart(new() { [key] = value }));

        Assert.Contains(message, error is OptionsValidationException ? error.Message : error.ToString());
    }

    // What the host validates at start-up (ValidateOnStart), run without WebApplicationFactory: when a host fails to
    // start, the factory now and then reports an ObjectDisposedException instead of the error on a busy machine.
    private static void ValidateAtStart(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddRecruiterBotCore().AddWebChatChannel();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task WebChatDisabled_PageAndApiAreGone_HealthStays()
    {
        using var factory = new HostFactory(new Dictionary<string, string?> { ["WebChat:Enabled"] = "false" });
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/chat", HostFactory.Json("""{"text": "hi"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Start_DoesNotStartDataProtectionsKeyRing()
    {
        using var factory = new HostFactory();

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/healthz")).StatusCode);

        // Nothing in the bot uses Data Protection; its hosted service would write a key file under ~/.aspnet and warn
        // that it is unencrypted on every fresh machine.
        Assert.DoesNotContain(factory.Services.GetServices<IHostedService>(), s => s.GetType().Assembly == typeof(DataProtectionOptions).Assembly);
    }

    [Fact]
    public async Task SmallerMaxRequestBytes_Applies()
    {
        using var factory = new HostFactory(new Dictionary<string, string?> { ["WebChat:MaxRequestBytes"] = "2048" });

        using var response = await factory.CreateClient().PostAsync("/api/chat", HostFactory.Json($$"""{"text": "{{new string('a', 3000)}}"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than 2048 bytes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void StartupLine_SaysWhereTheWebChatIsAndWhichChannelsAreOn()
    {
        using var factory = new HostFactory();
        factory.StartKestrel();

        var line = Assert.Single(factory.Logs.Entries, e => e.Text.StartsWith("RecruiterBot is listening on", StringComparison.Ordinal)).Text;

        Assert.Matches(@"web chat: http://127\.0\.0\.1:\d+/", line);
        Assert.Contains("channels enabled: webchat", line);
        Assert.Contains("off until configured: msteams, slack", line);
    }
}
