using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RecruiterBot.Channels.Teams;

/// <summary>
/// Checks the Bearer token on every Teams request (fail closed): signature with a key from the OpenID metadata of the
/// token's issuer, issuer, audience = the app id, lifetime with 5 minutes of skew, RS256/384/512 only. The
/// <c>serviceurl</c> claim is compared with the activity by the endpoint, once the body is read. A key the key set
/// endorses for some channels must be endorsed for <c>msteams</c>. Runs as the
/// <c>OnMessageReceived</c> event of the <see cref="Scheme"/> JwtBearer scheme, so that keys come from several metadata
/// documents (Bot Framework's, the tenant's) with one refresh on an unknown key id.
/// </summary>
internal sealed class TeamsTokenValidation
{
    public const string Scheme = "Teams";
    public const string Policy = "Teams";
    public const string ServiceUrlClaim = "serviceurl";
    private const string TeamsChannel = TeamsReplyQueue.Channel;
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    // A JWT larger than this is not a Bot Framework token; no parsing of megabyte headers.
    private const int MaxTokenLength = 16 * 1024;

    private readonly IReadOnlyList<TeamsSigningKeys> _sources;
    private readonly string? _appId;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public TeamsTokenValidation(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<TeamsTokenValidation> logger)
    {
        var o = options.Value;
        _appId = o.AppId;
        _sources = MetadataSources(o).Select(s => new TeamsSigningKeys(s.Url, s.Issuers, httpClients, time, logger)).ToList();
    }

    /// <summary>Bot Framework's metadata and issuer, plus the tenant's Entra metadata and issuers for a single-tenant
    /// bot; or exactly <c>Teams:OpenIdMetadataUrl</c> with <c>Teams:ValidIssuers</c> when both are set.</summary>
    public static IEnumerable<(string Url, IReadOnlyList<string> Issuers)> MetadataSources(TeamsOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.OpenIdMetadataUrl))
        {
            yield return (o.OpenIdMetadataUrl, o.ValidIssuers);
            yield break;
        }
        yield return (TeamsOptions.BotFrameworkOpenIdMetadataUrl, [TeamsOptions.BotFrameworkIssuer]);
        if (!string.IsNullOrWhiteSpace(o.TenantId))
            yield return ($"https://login.microsoftonline.com/{o.TenantId}/v2.0/.well-known/openid-configuration",
                [$"https://sts.windows.net/{o.TenantId}/", $"https://login.microsoftonline.com/{o.TenantId}/v2.0"]);
    }

    /// <summary>Entra tokens may lack the <c>serviceurl</c> claim; every other issuer's tokens must carry it.</summary>
    public static bool IsEntraIssuer(string? issuer) =>
        issuer is not null && (issuer.StartsWith("https://sts.windows.net/", StringComparison.Ordinal)
                               || issuer.StartsWith("https://login.microsoftonline.com/", StringComparison.Ordinal)
                               || issuer.StartsWith("https://login.microsoftonline.us/", StringComparison.Ordinal));

    /// <summary>The validated principal, or the reason the token is refused.</summary>
    public async Task<(ClaimsPrincipal? Principal, string? Error)> ValidateAsync(string? authorization, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(_appId)) return (null, "the bot has no app id");
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return (null, "a Bearer token is required");
        var raw = authorization["Bearer ".Length..].Trim();
        if (raw.Length is 0 or > MaxTokenLength || !_handler.CanReadToken(raw)) return (null, "the token is not a JWT");

        JsonWebToken token;
        try { token = _handler.ReadJsonWebToken(raw); }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException) { return (null, "the token is not a JWT"); }

        var source = _sources.FirstOrDefault(s => s.SignsFor(token.Issuer));
        if (source is null) return (null, "the token's issuer is not accepted");

        var keys = await source.GetKeysAsync(unknownKeyId: null, ct);
        if (!string.IsNullOrEmpty(token.Kid) && !keys.Keys.Any(k => k.KeyId == token.Kid))
            keys = await source.GetKeysAsync(unknownKeyId: token.Kid, ct);

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = source.Issuers,
            ValidAudience = _appId,
            IssuerSigningKeys = keys.Keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ClockSkew = ClockSkew,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid) return (null, "the token is not valid (" + result.Exception?.GetType().Name + ")");
        // Bot Framework binds each of its keys to the channels it may sign for: a key that lists channels must list Teams.
        if ((token.SigningKey?.KeyId ?? token.Kid) is { } kid && keys.Endorsements.TryGetValue(kid, out var channels) && !channels.Contains(TeamsChannel))
            return (null, $"the token's signing key is not endorsed for {TeamsChannel}");
        return (new ClaimsPrincipal(result.ClaimsIdentity), null);
    }

    /// <summary>Hooks the validation into the JwtBearer scheme and answers refusals with a one-line JSON error.</summary>
    public static void Configure(JwtBearerOptions options)
    {
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = async context =>
            {
                var validation = context.HttpContext.RequestServices.GetService(typeof(TeamsTokenValidation)) as TeamsTokenValidation
                    ?? throw new InvalidOperationException("AddTeamsChannel() registers TeamsTokenValidation");
                var (principal, error) = await validation.ValidateAsync(context.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null,
                    context.HttpContext.RequestAborted);
                if (principal is not null)
                {
                    context.Principal = principal;
                    context.Success();
                }
                else
                {
                    context.HttpContext.Items[Scheme + ":error"] = error;
                    context.Fail(error!);
                }
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                var error = context.HttpContext.Items[Scheme + ":error"] as string ?? "a Bearer token is required";
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsJsonAsync(new TeamsError(error), TeamsJsonContext.Default.TeamsError, cancellationToken: context.HttpContext.RequestAborted);
            },
        };
    }
}
