using Microsoft.Extensions.Options;
using RecruiterBot.Channels.Teams;

namespace RecruiterBot.Channels.Tests.Teams;

public sealed class TeamsServiceUrlPolicyTests
{
    private static TeamsServiceUrlPolicy Policy(bool emulator = false, params string[] allowed) =>
        new(Options.Create(new TeamsOptions { AllowedServiceUrls = allowed, DangerouslyAllowUnauthenticatedRequests = emulator }));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://SMBA.trafficmanager.net/emea/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/", true)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net:8443/amer/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/", false)]
    [InlineData("https://evil.example/smba.trafficmanager.net/", false)]
    [InlineData("https://user@smba.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net/amer/?x=1", false)]
    [InlineData("http://localhost:56150/_connector", false)]
    [InlineData("not a url", false)]
    [InlineData("", false)]
    public void IsAllowed_Defaults(string url, bool expected) => Assert.Equal(expected, Policy().IsAllowed(url));

    [Theory]
    [InlineData("http://127.0.0.1:5000/amer/", true)]
    [InlineData("http://127.0.0.1:5000/amer", true)]
    [InlineData("http://127.0.0.1:5000/amer/v3/x", true)]
    [InlineData("http://127.0.0.1:5000/americas/", false)]
    [InlineData("http://127.0.0.1:5000/", false)]
    [InlineData("http://127.0.0.1:5001/amer/", false)]
    [InlineData("https://127.0.0.1:5000/amer/", false)]
    [InlineData("http://127.0.0.1.evil.example:5000/amer/", false)]
    [InlineData("https://smba.trafficmanager.net/amer/", false)]
    public void IsAllowed_ConfiguredEntryWithPath_ReplacesDefaults(string url, bool expected) =>
        Assert.Equal(expected, Policy(false, "http://127.0.0.1:5000/amer").IsAllowed(url));

    [Theory]
    [InlineData("http://localhost:56150/_connector", true)]
    [InlineData("http://127.0.0.1:3979/", true)]
    [InlineData("http://127.0.0.1.evil.example/", false)]
    [InlineData("http://localhost.evil.example:56150/", false)]
    [InlineData("http://10.0.0.5:56150/", false)]
    public void IsAllowed_EmulatorMode_AllowsLoopbackOnly(string url, bool expected) =>
        Assert.Equal(expected, Policy(emulator: true).IsAllowed(url));

    [Fact]
    public void IsAllowed_EmulatorFlagWithAppId_NoLoopback() =>
        Assert.False(new TeamsServiceUrlPolicy(Options.Create(new TeamsOptions { AppId = Guid.NewGuid().ToString(), DangerouslyAllowUnauthenticatedRequests = true }))
            .IsAllowed("http://localhost:56150/_connector"));
}
