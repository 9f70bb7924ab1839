using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>A stand-in and a bot configured against it, started for one test and stopped after it.</summary>
public abstract class TeamsHostTest : IAsyncLifetime
{
    protected TeamsStandIn StandIn { get; private set; } = null!;
    protected TeamsBotFactory Bot { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Changes to the bot's settings for this test class.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings) { }

    /// <summary>Service replacements (a slow store) for this test class.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    public async Task InitializeAsync()
    {
        StandIn = await TeamsStandIn.StartAsync();
        Bot = TeamsBotFactory.ForStandIn(StandIn, Configure, ConfigureServices);
        Client = Bot.StartClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await StandIn.DisposeAsync();
    }

    protected string Token() => StandIn.CreateToken();

    /// <summary>A recruiter's question in a personal chat with the bot.</summary>
    protected JsonObject Question(string text = "what is Celery?") => TeamsActivities.Personal(StandIn.ServiceUrl, text);
}
