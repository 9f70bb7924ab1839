using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>
/// What the bot talks to in Teams, on 127.0.0.1: an OpenID metadata endpoint publishing RSA keys that a test can
/// rotate, an Entra-like token endpoint, and a connector at <see cref="ServiceUrl"/> that records replies and can be
/// told to fail (429 with Retry-After, 502) or to stall.
/// </summary>
public sealed class TeamsStandIn : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.test";
    public const string AppId = "7d5d1a3e-7c2b-4a55-9f55-1f3f8a1c0b21";
    public const string AppPassword = "test-secret";
    public const string BotToken = "bot-token-from-stand-in";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentQueue<ReceivedReply> _replies = new();
    private readonly ConcurrentQueue<Dictionary<string, string>> _tokenRequests = new();
    private volatile List<(string Kid, RSA Key)> _keys = [NewKey()];
    private int _metadataFetches;

    private TeamsStandIn(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public string OpenIdMetadataUrl => BaseUrl + "/openid";
    public string TokenEndpoint => BaseUrl + "/token";
    /// <summary>A regional-looking connector root, like https://smba.trafficmanager.net/amer/.</summary>
    public string ServiceUrl => BaseUrl + "/amer/";
    public IReadOnlyCollection<ReceivedReply> Replies => _replies;
    public IReadOnlyCollection<Dictionary<string, string>> TokenRequests => _tokenRequests;
    public int MetadataFetches => _metadataFetches;
    /// <summary>Held connector requests wait for this (a stalled connector).</summary>
    public TaskCompletionSource Release { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<TeamsStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new TeamsStandIn(app);
        standIn.Map(app);
        await app.StartAsync();
        standIn.BaseUrl = app.Urls.Single().TrimEnd('/');
        return standIn;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/openid", () =>
        {
            Interlocked.Increment(ref _metadataFetches);
            if (MetadataDown) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            return Results.Json(new Dictionary<string, object> { ["issuer"] = Issuer, ["jwks_uri"] = BaseUrl + "/keys", ["id_token_signing_alg_values_supported"] = new[] { "RS256" } });
        });
        app.MapGet("/keys", () => Results.Text(Jwks(), "application/json"));
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            _tokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            var valid = form["grant_type"] == "client_credentials" && form["client_id"] == AppId && form["client_secret"] == AppPassword
                        && form["scope"] == "https://api.botframework.com/.default";
            return valid
                ? Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = BotToken })
                : Results.Json(new Dictionary<string, object> { ["error"] = "invalid_client" }, statusCode: 401);
        });
        app.MapPost("/amer/v3/conversations/{**rest}", async (HttpContext http) =>
        {
            var arrived = DateTimeOffset.UtcNow;
            var raw = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (_faults.TryDequeue(out var fault))
            {
                if (fault.Stall is { } stall) await Task.WhenAny(Task.Delay(stall), Release.Task);
                if (fault.HoldUntilReleased) await Release.Task;
                if (fault.Status is { } status)
                {
                    _replies.Enqueue(new ReceivedReply(raw, http.Request.Headers.Authorization.ToString(), body, status, arrived));
                    if (fault.RetryAfterSeconds is { } s) http.Response.Headers.RetryAfter = s.ToString();
                    return Results.Json(new { error = new { code = "Throttled", message = "stand-in fault" } }, statusCode: status);
                }
            }
            _replies.Enqueue(new ReceivedReply(raw, http.Request.Headers.Authorization.ToString(), body, 201, arrived));
            return Results.Json(new { id = "reply-" + Guid.NewGuid().ToString("N") }, statusCode: 201);
        });
    }

    /// <summary>The next connector request gets <paramref name="status"/> (with Retry-After when given).</summary>
    public void FailNext(int status, int? retryAfterSeconds = null) => _faults.Enqueue(new Fault(status, retryAfterSeconds, null, false));

    /// <summary>The next connector request waits <paramref name="stall"/> (or until <see cref="Release"/>) and then succeeds.</summary>
    public void StallNext(TimeSpan stall) => _faults.Enqueue(new Fault(null, null, stall, false));

    /// <summary>The next connector request waits until <see cref="Release"/> is completed.</summary>
    public void HoldNext() => _faults.Enqueue(new Fault(null, null, null, true));

    /// <summary>The channels every published key is endorsed for, as Bot Framework's key set lists them; null publishes
    /// keys without endorsements.</summary>
    public IReadOnlyList<string>? KeyEndorsements { get; set; } = ["msteams"];

    /// <summary>The metadata document answers 503 (still counted in <see cref="MetadataFetches"/>).</summary>
    public bool MetadataDown { get; set; }

    /// <summary>Replaces the published key: tokens signed with the old one no longer validate after a refresh.</summary>
    public string RotateKey()
    {
        var next = NewKey();
        _keys = [next];
        return next.Kid;
    }

    /// <summary>A token as Azure Bot Service signs it; each part can be changed to make it invalid.</summary>
    public string CreateToken(string? serviceUrl = null, string issuer = Issuer, string audience = AppId, DateTime? notBefore = null,
        DateTime? expires = null, RSA? key = null, string? kid = null)
    {
        var (currentKid, currentKey) = _keys[0];
        var claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl };
        var nbf = notBefore ?? DateTime.UtcNow.AddMinutes(-1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = nbf,
            IssuedAt = nbf,
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? currentKey) { KeyId = kid ?? currentKid }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with valid claims.</summary>
    public string CreateUnsignedToken() => Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }, ValidPayload()) + ".";

    /// <summary>An HS256 token whose HMAC key is the published RSA public key (the algorithm-confusion attack).</summary>
    public string CreateHmacTokenWithPublicKey()
    {
        var (kid, key) = _keys[0];
        var head = Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = kid }, ValidPayload());
        var secret = key.ExportSubjectPublicKeyInfo();
        var signature = HMACSHA256.HashData(secret, System.Text.Encoding.ASCII.GetBytes(head));
        return head + "." + Base64UrlEncoder.Encode(signature);
    }

    private JsonObject ValidPayload()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject { ["iss"] = Issuer, ["aud"] = AppId, ["serviceurl"] = ServiceUrl, ["nbf"] = now - 60, ["iat"] = now - 60, ["exp"] = now + 3600 };
    }

    private static string Encode(JsonObject header, JsonObject payload) =>
        Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(payload.ToJsonString());

    /// <summary>Waits until at least <paramref name="count"/> successful replies arrived; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedReply>> WaitForRepliesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var ok = _replies.Where(r => r.Status == 201).ToList();
            if (ok.Count >= count) return ok;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"expected {count} reply(ies) at the connector stand-in, got {ok.Count} ({_replies.Count} request(s) in all)");
            await Task.Delay(50);
        }
    }

    private string Jwks()
    {
        var keys = new JsonArray();
        foreach (var (kid, key) in _keys)
        {
            var p = key.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = kid,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus!), ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
            };
            if (KeyEndorsements is { } channels) jwk["endorsements"] = new JsonArray(channels.Select(c => (JsonNode?)c).ToArray());
            keys.Add(jwk);
        }
        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    private static (string Kid, RSA Key) NewKey() => ("kid-" + Guid.NewGuid().ToString("N")[..12], RSA.Create(2048));

    public async ValueTask DisposeAsync()
    {
        Release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Fault(int? Status, int? RetryAfterSeconds, TimeSpan? Stall, bool HoldUntilReleased);
}

/// <summary>One request the connector stand-in received: its raw path, Authorization header, body, the status it got and when it arrived.</summary>
public sealed record ReceivedReply(string RawTarget, string Authorization, string Body, int Status, DateTimeOffset At)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
    public string Path => Uri.UnescapeDataString(RawTarget);
}
