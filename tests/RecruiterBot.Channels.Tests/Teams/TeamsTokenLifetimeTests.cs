using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecruiterBot.Channels.Teams;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>Token lifetimes and key refreshes over hours, on the bot's clock (a fake one the test moves).</summary>
public sealed class TeamsTokenLifetimeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TeamsStandIn _standIn = null!;
    private TeamsBotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _standIn = await TeamsStandIn.StartAsync();
        _bot = TeamsBotFactory.ForStandIn(_standIn, services: s => s.AddSingleton<TimeProvider>(_time));
        _client = _bot.StartClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task Post_TokenAcceptedBefore_RefusedOnceItHasExpired()
    {
        var token = Token();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token));

        // Valid for an hour, with five minutes of clock skew: still accepted at 64 minutes, refused at 66.
        _time.Advance(TimeSpan.FromMinutes(64));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token));
        _time.Advance(TimeSpan.FromMinutes(2));
        var response = await _client.PostAsync(Question(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not valid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_OldKeysWhileTheMetadataIsDown_AcceptedAndTheFetchRetriedOncePerCooldown()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Token()));
        var fetches = _standIn.MetadataFetches;

        _standIn.MetadataDown = true;
        _time.Advance(TeamsSigningKeys.CacheLifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Token()));
        // (The metadata client may ask twice in one attempt.)
        var firstAttempt = _standIn.MetadataFetches;
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await PostAsync(Token()));

        Assert.True(firstAttempt > fetches);
        Assert.Equal(firstAttempt, _standIn.MetadataFetches);
        _time.Advance(TeamsSigningKeys.RefreshCooldown);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Token()));
        Assert.True(_standIn.MetadataFetches > firstAttempt);
    }

    private JsonObject Question() => TeamsActivities.Personal(_standIn.ServiceUrl, "what is Celery?");

    // Times from the bot's clock, as a token issued "now" would carry.
    private string Token()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return _standIn.CreateToken(notBefore: now.AddMinutes(-1), expires: now.AddHours(1));
    }

    private async Task<HttpStatusCode> PostAsync(string token)
    {
        using var response = await _client.PostAsync(Question(), token);
        return response.StatusCode;
    }
}
