using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>The inbound token check, against a local key server: each broken part of a token alone is refused.</summary>
public sealed class TeamsTokenTests : TeamsHostTest
{
    [Fact]
    public async Task Post_ValidToken_AcceptedAndAnswered()
    {
        var response = await Client.PostAsync(Question(), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await StandIn.WaitForRepliesAsync(1));
        Assert.Contains("Celery", reply.Json["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_KeyRotatedInMetadata_AcceptedAfterOneRefresh()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question(), Token())).StatusCode);
        var fetchesBefore = StandIn.MetadataFetches;

        StandIn.RotateKey();
        var response = await Client.PostAsync(Question(), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fetchesBefore + 1, StandIn.MetadataFetches);
        // The refreshed keys are cached: the next token with the new key needs no fetch.
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question(), Token())).StatusCode);
        Assert.Equal(fetchesBefore + 1, StandIn.MetadataFetches);
    }

    [Fact]
    public async Task Post_TokenAcceptedBeforeItsKeyWasRotatedOut_RefusedOnceTheKeysAreRefreshed()
    {
        var before = Token();
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question(), before)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question(), before)).StatusCode);

        StandIn.RotateKey();
        // A token signed with the new key makes the bot fetch the keys again, and the old key is not among them.
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question(), Token())).StatusCode);
        var response = await Client.PostAsync(Question(), before);

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
            "bad signature" => StandIn.CreateToken(key: RSA.Create(2048)),
            // Past the 5 minutes of allowed clock skew, on both sides.
            "expired" => StandIn.CreateToken(notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-6)),
            "not yet valid" => StandIn.CreateToken(notBefore: DateTime.UtcNow.AddMinutes(6), expires: DateTime.UtcNow.AddHours(1)),
            "wrong audience" => StandIn.CreateToken(audience: "11111111-2222-3333-4444-555555555555"),
            "wrong issuer" => StandIn.CreateToken(issuer: "https://attacker.example"),
            "unknown key id" => StandIn.CreateToken(key: RSA.Create(2048), kid: "kid-unknown"),
            "alg none" => StandIn.CreateUnsignedToken(),
            "hmac with public key" => StandIn.CreateHmacTokenWithPublicKey(),
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
            response = await Client.SendAsync(request);
        }
        else response = await Client.PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("{\"error\":", await response.Content.ReadAsStringAsync());
        await AssertNoSideEffectAsync(activity);
    }

    [Fact]
    public async Task Post_ServiceUrlClaimMismatch_401AndNoReply()
    {
        var activity = Question();
        var token = StandIn.CreateToken(serviceUrl: "https://smba.trafficmanager.net/emea/");

        var response = await Client.PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("serviceurl", await response.Content.ReadAsStringAsync());
        await AssertNoSideEffectAsync(activity);
    }

    [Fact]
    public async Task Post_KeyEndorsedForOtherChannelsOnly_401AndNoReply()
    {
        // A Bot Framework key endorsed for other channels: a token it signed is not Teams speaking.
        StandIn.KeyEndorsements = ["skype", "webchat"];

        var response = await Client.PostAsync(Question(), Token());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not endorsed for msteams", await response.Content.ReadAsStringAsync());
        await Task.Delay(200);
        Assert.Empty(StandIn.Replies);
    }

    [Theory]
    [InlineData("msteams and others")]
    [InlineData("no endorsements")]
    public async Task Post_KeyEndorsedForTeamsOrNotAtAll_Accepted(string endorsements)
    {
        StandIn.KeyEndorsements = endorsements == "no endorsements" ? null : ["skype", "msteams", "webchat"];

        var response = await Client.PostAsync(Question(), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await StandIn.WaitForRepliesAsync(1));
    }

    /// <summary>Nothing was sent, and the activity id was not recorded: the same activity with a valid token is answered.</summary>
    private async Task AssertNoSideEffectAsync(JsonObject activity)
    {
        Assert.Empty(StandIn.Replies);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(activity, Token())).StatusCode);
        Assert.Single(await StandIn.WaitForRepliesAsync(1));
    }
}
