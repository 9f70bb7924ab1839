using System.Net;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>What the endpoint does without an app id, with the emulator flag, and with both.</summary>
public sealed class TeamsConfigurationTests
{
    [Fact]
    public async Task Post_NoAppId_EndpointNotMapped()
    {
        await using var bot = new TeamsBotFactory(new Dictionary<string, string?>());
        using var client = bot.StartClient();

        var response = await client.PostRawAsync(TeamsActivities.Personal("https://smba.trafficmanager.net/amer/", "hi").ToJsonString(), token: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_EmulatorFlagWithoutAppId_AcceptedWithoutTokenAndRepliesWithoutOne()
    {
        await using var standIn = await TeamsStandIn.StartAsync();
        await using var bot = new TeamsBotFactory(new Dictionary<string, string?> { ["Teams:DangerouslyAllowUnauthenticatedRequests"] = "true" });
        using var client = bot.StartClient();

        var response = await client.PostAsync(TeamsActivities.Personal(standIn.ServiceUrl, "what is Celery?"), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await standIn.WaitForRepliesAsync(1));
        Assert.Equal("", reply.Authorization);
        Assert.Empty(standIn.TokenRequests);
        Assert.Contains(bot.Logs, l => l.StartsWith("Warning") && l.Contains("WITHOUT a token"));
    }

    [Fact]
    public async Task Post_EmulatorFlagWithoutAppId_LoopbackLookalikeStillRefused()
    {
        await using var bot = new TeamsBotFactory(new Dictionary<string, string?> { ["Teams:DangerouslyAllowUnauthenticatedRequests"] = "true" });
        using var client = bot.StartClient();

        var response = await client.PostAsync(TeamsActivities.Personal("http://127.0.0.1.evil.example/", "what is Celery?"), token: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_EmulatorFlagWithAppId_FlagIgnoredAndTokenRequired()
    {
        await using var standIn = await TeamsStandIn.StartAsync();
        await using var bot = TeamsBotFactory.ForStandIn(standIn, s => s["Teams:DangerouslyAllowUnauthenticatedRequests"] = "true");
        using var client = bot.StartClient();

        var response = await client.PostAsync(TeamsActivities.Personal(standIn.ServiceUrl, "what is Celery?"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(bot.Logs, l => l.StartsWith("Warning") && l.Contains("is ignored"));
    }

    [Fact]
    public void Start_AppIdNotAGuid_FailsWithClearError()
    {
        using var bot = new TeamsBotFactory(new Dictionary<string, string?> { ["Teams:AppId"] = "my-bot", ["Teams:AppPassword"] = "x" });

        var error = Assert.ThrowsAny<Exception>(() => bot.StartClient());

        Assert.Contains("Teams:AppId", error.ToString());
    }
}
