using System.Collections.Concurrent;
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
/// documents (Bot Framework's, the tenant's) with one refresh on an unknown key id. A token that passed is not checked
/// again while it is valid and the keys are unchanged.
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

    // Tokens that passed every check, kept while they may be used again. Far more than the few a Bot Framework
    // connector uses at a time; past it, the expired ones go, and if that is not enough, all.
    private const int MaxAcceptedTokens = 1024;

    private readonly IReadOnlyList<TeamsSigningKeys> _sources;
    private readonly string? _appId;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, AcceptedToken> _accepted = new(StringComparer.Ordinal);

    public TeamsTokenValidation(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<TeamsTokenValidation> logger)
    {
        var o = options.Value;
        _appId = o.AppId;
        _time = time;
        _sources = MetadataSources(o).Select(s => new TeamsSigningKeys(s.Url, s.Issuers, httpClients, time, logger)).ToList();
    }

    /// <summary>A token that passed every check, the keys it was checked against, and until when it stays valid.</summary>
    private sealed record AcceptedToken(ClaimsIdentity Identity, DateTimeOffset ValidUntil, TeamsSigningKeys Source, SigningKeySet Keys);

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
        if (raw.Length is 0 or > MaxTokenLength) return (null, "the token is not a JWT");
        if (await RecallAsync(raw, ct) is { } recalled) return (recalled, null);
        if (!_handler.CanReadToken(raw)) return (null, "the token is not a JWT");

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
            // The default check reads the system clock; this one reads the same clock as the accepted tokens' lifetimes.
            LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires, _time.GetUtcNow().UtcDateTime),
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid) return (null, "the token is not valid (" + result.Exception?.GetType().Name + ")");
        // Bot Framework binds each of its keys to the channels it may sign for: a key that lists channels must list Teams.
        if ((token.SigningKey?.KeyId ?? token.Kid) is { } kid && keys.Endorsements.TryGetValue(kid, out var channels) && !channels.Contains(TeamsChannel))
            return (null, $"the token's signing key is not endorsed for {TeamsChannel}");
        Remember(raw, new AcceptedToken(result.ClaimsIdentity, new DateTimeOffset(token.ValidTo, TimeSpan.Zero) + ClockSkew, source, keys));
        return (new ClaimsPrincipal(result.ClaimsIdentity.Clone()), null);
    }

    /// <summary>An expiry is required; both ends get <see cref="ClockSkew"/>.</summary>
    public static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, DateTime utcNow) =>
        expires is { } end && utcNow - ClockSkew < end && (notBefore is not { } start || start <= utcNow + ClockSkew);

    // A connector sends the same token with every request for up to an hour, and checking its signature was about a
    // tenth of the host's CPU under load. A token checked before is accepted again while it is within its lifetime and
    // the keys it was checked against are still the ones in use: a refresh that drops or re-endorses a key makes every
    // token be checked again.
    private async ValueTask<ClaimsPrincipal?> RecallAsync(string raw, CancellationToken ct)
    {
        if (!_accepted.TryGetValue(raw, out var accepted)) return null;
        if (_time.GetUtcNow() < accepted.ValidUntil && ReferenceEquals(await accepted.Source.GetKeysAsync(unknownKeyId: null, ct), accepted.Keys))
            return new ClaimsPrincipal(accepted.Identity.Clone());
        _accepted.TryRemove(raw, out _);
        return null;
    }

    private void Remember(string raw, AcceptedToken accepted)
    {
        if (_accepted.Count >= MaxAcceptedTokens)
        {
            var now = _time.GetUtcNow();
            foreach (var (key, value) in _accepted)
                if (value.ValidUntil <= now) _accepted.TryRemove(key, out _);
            if (_accepted.Count >= MaxAcceptedTokens) _accepted.Clear();
        }
        _accepted[raw] = accepted;
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
