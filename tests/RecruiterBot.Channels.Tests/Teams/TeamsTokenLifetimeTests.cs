using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecruiterBot.Channels.Teams;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>Token lifetimes and key refreshes over hours, on the bot's clock (a fake one the test moves).</summary>
public sealed class TeamsTokenLifetimeTests : TeamsHostTest
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_time);

    [Fact]
    public async Task Post_TokenAcceptedBefore_RefusedOnceItHasExpired()
    {
        var token = TokenOnTheBotsClock();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token));

        // Valid for an hour, with five minutes of clock skew: still accepted at 64 minutes, refused at 66.
        _time.Advance(TimeSpan.FromMinutes(64));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token));
        _time.Advance(TimeSpan.FromMinutes(2));
        var response = await Client.PostAsync(Question(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not valid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_OldKeysWhileTheMetadataIsDown_AcceptedAndTheFetchRetriedOncePerCooldown()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(TokenOnTheBotsClock()));
        var fetches = StandIn.MetadataFetches;

        StandIn.MetadataDown = true;
        _time.Advance(TeamsSigningKeys.CacheLifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(TokenOnTheBotsClock()));
        // (The metadata client may ask twice in one attempt.)
        var firstAttempt = StandIn.MetadataFetches;
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await PostAsync(TokenOnTheBotsClock()));

        Assert.True(firstAttempt > fetches);
        Assert.Equal(firstAttempt, StandIn.MetadataFetches);
        _time.Advance(TeamsSigningKeys.RefreshCooldown);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(TokenOnTheBotsClock()));
        Assert.True(StandIn.MetadataFetches > firstAttempt);
    }

    // Times from the bot's clock, as a token issued "now" would carry.
    private string TokenOnTheBotsClock()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return StandIn.CreateToken(notBefore: now.AddMinutes(-1), expires: now.AddHours(1));
    }

    private async Task<HttpStatusCode> PostAsync(string token)
    {
        using var response = await Client.PostAsync(Question(), token);
        return response.StatusCode;
    }
}
