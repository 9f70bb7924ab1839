using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RecruiterBot.LoadGenerator;

namespace RecruiterBot.HttpBench;

/// <summary>
/// What the bot talks to during the bench, on 127.0.0.1: for Teams an OpenID metadata document with an RSA key, a token
/// endpoint and a connector; for Slack <c>auth.test</c> and <c>chat.postMessage</c>. Every reply is recorded with its
/// arrival time under the key the load generator matches it by (Teams: the replied-to activity id; Slack: thread_ts).
/// <c>GET /bench/token</c> hands the generator a token signed as Azure Bot Service would sign it.
/// </summary>
public sealed class StandIn : IAsyncDisposable
{
    public const string TeamsIssuer = "https://api.botframework.bench";
    public const string TeamsAppPassword = "bench-app-password";
    public const string SlackSigningSecret = "bench-signing-secret-0123456789abcdef";
    public const string SlackBotToken = "xoxb-bench-token";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _kid = "bench-" + Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, double>> _arrivals = new()
    {
        ["teams"] = new(), ["slack"] = new(),
    };

    private StandIn(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public string TeamsServiceUrl => BaseUrl + "/amer/";

    public static async Task<StandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new StandIn(app);
        standIn.Map(app);
        await app.StartAsync();
        standIn.BaseUrl = app.Urls.Single().TrimEnd('/');
        return standIn;
    }

    /// <summary>The host's settings that point Teams and Slack here.</summary>
    public IReadOnlyDictionary<string, string> HostSettings() => new Dictionary<string, string>
    {
        ["Teams__AppId"] = StandInConstants.TeamsAppId,
        ["Teams__AppPassword"] = TeamsAppPassword,
        ["Teams__OpenIdMetadataUrl"] = BaseUrl + "/openid",
        ["Teams__ValidIssuers__0"] = TeamsIssuer,
        ["Teams__TokenEndpoint"] = BaseUrl + "/token",
        ["Teams__AllowedServiceUrls__0"] = TeamsServiceUrl,
        ["Slack__SigningSecret"] = SlackSigningSecret,
        ["Slack__BotToken"] = SlackBotToken,
        ["Slack__ApiBaseUrl"] = BaseUrl + "/slack/api/",
    };

    private void Map(WebApplication app)
    {
        app.MapGet("/openid", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = TeamsIssuer, ["jwks_uri"] = BaseUrl + "/keys", ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/keys", () => Results.Text(Jwks(), "application/json"));
        app.MapPost("/token", () => Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = "bench-bot-token",
        }));
        app.MapPost("/amer/v3/conversations/{conversation}/activities/{replyToId}", (string replyToId) =>
        {
            Arrived("teams", replyToId);
            return Results.Json(new { id = "reply-" + replyToId }, statusCode: StatusCodes.Status201Created);
        });
        app.MapPost("/slack/api/auth.test", () => Results.Json(new Dictionary<string, object>
        {
            ["ok"] = true, ["user_id"] = StandInConstants.SlackBotUserId, ["team_id"] = "T0BENCH", ["bot_id"] = "B0BENCH",
        }));
        app.MapPost("/slack/api/chat.postMessage", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            var thread = body?["thread_ts"]?.GetValue<string>();
            if (thread is not null) Arrived("slack", thread);
            return Results.Json(new Dictionary<string, object>
            {
                ["ok"] = true, ["channel"] = body?["channel"]?.GetValue<string>() ?? "", ["ts"] = thread ?? "0",
            });
        });
        app.MapGet("/bench/token", () => Results.Text(CreateToken(), "text/plain"));
        app.MapGet("/bench/arrivals/{kind}", (string kind, string? prefix) =>
        {
            if (!_arrivals.TryGetValue(kind, out var arrivals)) return Results.NotFound();
            var matching = arrivals.Where(a => a.Key.StartsWith(prefix ?? "", StringComparison.Ordinal)).ToDictionary();
            return Results.Json(matching, BenchJsonContext.Default.DictionaryStringDouble);
        });
    }

    /// <summary>Replies that arrive twice keep their first arrival.</summary>
    private void Arrived(string kind, string key) =>
        _arrivals[kind].TryAdd(key, (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds);

    /// <summary>A token as Azure Bot Service signs it for the bot, valid for an hour.</summary>
    public string CreateToken()
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = TeamsIssuer,
            Audience = StandInConstants.TeamsAppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = TeamsServiceUrl },
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = _kid }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private string Jwks()
    {
        var p = _key.ExportParameters(false);
        var key = new JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = _kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus!), ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
        };
        return new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }
}
