using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>The inbound token check, against a local key server: each broken part of a token alone is refused.</summary>
public sealed class TeamsTokenTests : IAsyncLifetime
{
    private TeamsStandIn _standIn = null!;
    private TeamsBotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _standIn = await TeamsStandIn.StartAsync();
        _bot = TeamsBotFactory.ForStandIn(_standIn);
        _client = _bot.StartClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _standIn.DisposeAsync();
    }

    private JsonObject Question() => TeamsActivities.Personal(_standIn.ServiceUrl, "what is Celery?");

    [Fact]
    public async Task Post_ValidToken_AcceptedAndAnswered()
    {
        var response = await _client.PostAsync(Question(), _standIn.CreateToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _standIn.WaitForRepliesAsync(1));
        Assert.Contains("Celery", reply.Json["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_KeyRotatedInMetadata_AcceptedAfterOneRefresh()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(Question(), _standIn.CreateToken())).StatusCode);
        var fetchesBefore = _standIn.MetadataFetches;

        _standIn.RotateKey();
        var response = await _client.PostAsync(Question(), _standIn.CreateToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fetchesBefore + 1, _standIn.MetadataFetches);
        // The refreshed keys are cached: the next token with the new key needs no fetch.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(Question(), _standIn.CreateToken())).StatusCode);
        Assert.Equal(fetchesBefore + 1, _standIn.MetadataFetches);
    }

    [Fact]
    public async Task Post_TokenAcceptedBeforeItsKeyWasRotatedOut_RefusedOnceTheKeysAreRefreshed()
    {
        var before = _standIn.CreateToken();
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(Question(), before)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(Question(), before)).StatusCode);

        _standIn.RotateKey();
        // A token signed with the new key makes the bot fetch the keys again, and the old key is not among them.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(Question(), _standIn.CreateToken())).StatusCode);
        var response = await _client.PostAsync(Question(), before);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static TheoryData<string> BrokenTokens =>
    [
        "no header", "bad signature", "expired", "not yet valid", "wrong audience", "wrong issuer", "unknown key id", "alg none",
        "hmac with public key", "not a jwt", "basic scheme",
    ];

    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task Post_BrokenToken_401AndNoReply(string broken)
    {
        string? token = broken switch
        {
            "no header" => null,
            "bad signature" => _standIn.CreateToken(key: RSA.Create(2048)),
            // Past the 5 minutes of allowed clock skew, on both sides.
            "expired" => _standIn.CreateToken(notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-6)),
            "not yet valid" => _standIn.CreateToken(notBefore: DateTime.UtcNow.AddMinutes(6), expires: DateTime.UtcNow.AddHours(1)),
            "wrong audience" => _standIn.CreateToken(audience: "11111111-2222-3333-4444-555555555555"),
            "wrong issuer" => _standIn.CreateToken(issuer: "https://attacker.example"),
            "unknown key id" => _standIn.CreateToken(key: RSA.Create(2048), kid: "kid-unknown"),
            "alg none" => _standIn.CreateUnsignedToken(),
            "hmac with public key" => _standIn.CreateHmacTokenWithPublicKey(),
            "not a jwt" => "not-a-token",
            "basic scheme" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };
        var activity = Question();
        HttpResponseMessage response;
        if (broken == "basic scheme")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("a:b"u8.ToArray()));
            response = await _client.SendAsync(request);
        }
        else response = await _client.PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("{\"error\":", await response.Content.ReadAsStringAsync());
        await AssertNoSideEffectAsync(activity);
    }

    [Fact]
    public async Task Post_ServiceUrlClaimMismatch_401AndNoReply()
    {
        var activity = Question();
        var token = _standIn.CreateToken(serviceUrl: "https://smba.trafficmanager.net/emea/");

        var response = await _client.PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("serviceurl", await response.Content.ReadAsStringAsync());
        await AssertNoSideEffectAsync(activity);
    }

    [Fact]
    public async Task Post_KeyEndorsedForOtherChannelsOnly_401AndNoReply()
    {
        // A Bot Framework key endorsed for other channels: a token it signed is not Teams speaking.
        _standIn.KeyEndorsements = ["skype", "webchat"];

        var response = await _client.PostAsync(Question(), _standIn.CreateToken());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not endorsed for msteams", await response.Content.ReadAsStringAsync());
        await Task.Delay(200);
        Assert.Empty(_standIn.Replies);
    }

    [Theory]
    [InlineData("msteams and others")]
    [InlineData("no endorsements")]
    public async Task Post_KeyEndorsedForTeamsOrNotAtAll_Accepted(string endorsements)
    {
        _standIn.KeyEndorsements = endorsements == "no endorsements" ? null : ["skype", "msteams", "webchat"];

        var response = await _client.PostAsync(Question(), _standIn.CreateToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await _standIn.WaitForRepliesAsync(1));
    }

    /// <summary>Nothing was sent, and the activity id was not recorded: the same activity with a valid token is answered.</summary>
    private async Task AssertNoSideEffectAsync(JsonObject activity)
    {
        Assert.Empty(_standIn.Replies);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(activity, _standIn.CreateToken())).StatusCode);
        Assert.Single(await _standIn.WaitForRepliesAsync(1));
    }
}
