namespace RecruiterBot.Channels.Tests.Slack;

/// <summary>A test class with its own Slack stand-in and a bot host pointed at it, started fresh for each test.</summary>
public abstract class SlackHostTest : IAsyncLifetime
{
    protected SlackStandIn Slack { get; private set; } = null!;
    protected SlackBotHost Bot { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await SlackStandIn.StartAsync();
        Bot = SlackBotHost.Start(Slack);
        Client = Bot.Client();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
