using System.ComponentModel.DataAnnotations;

namespace RecruiterBot.Channels.Teams;

/// <summary>Configuration section <c>Teams</c> (environment variables <c>Teams__AppId</c> and so on).</summary>
public sealed class TeamsOptions : IValidatableObject
{
    public const string Section = "Teams";

    /// <summary>Bot Framework's metadata for the tokens Azure Bot Service signs.</summary>
    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The scope of the bot's own token for the connector.</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>Teams' connector hosts (public cloud, GCC, GCC High, DoD), used when <see cref="AllowedServiceUrls"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultServiceUrls =
    [
        "https://smba.trafficmanager.net/",
        "https://smba.infra.gcc.teams.microsoft.com/",
        "https://smba.infra.gov.teams.microsoft.us/",
        "https://smba.infra.dod.teams.microsoft.us/",
    ];

    /// <summary><c>Teams:AppId</c>: the bot's Microsoft App Id (a GUID). Empty: the Teams endpoint is off, unless
    /// <see cref="DangerouslyAllowUnauthenticatedRequests"/> is set for a local emulator.</summary>
    public string? AppId { get; set; }

    /// <summary><c>Teams:AppPassword</c>: the client secret of the app registration, for the bot's connector token.</summary>
    public string? AppPassword { get; set; }

    /// <summary><c>Teams:TenantId</c>: the tenant of a single-tenant bot; empty for a multi-tenant bot.</summary>
    public string? TenantId { get; set; }

    /// <summary><c>Teams:AllowedTenants</c>: when not empty, activities from any other tenant get 403.</summary>
    public string[] AllowedTenants { get; set; } = [];

    /// <summary><c>Teams:OpenIdMetadataUrl</c>: replaces the default metadata (Bot Framework's and the tenant's Entra
    /// metadata) together with <see cref="ValidIssuers"/>; for tests and other clouds.</summary>
    public string? OpenIdMetadataUrl { get; set; }

    /// <summary><c>Teams:ValidIssuers</c>: replaces the default issuers together with <see cref="OpenIdMetadataUrl"/>.</summary>
    public string[] ValidIssuers { get; set; } = [];

    /// <summary><c>Teams:TokenEndpoint</c>: where the bot gets its connector token; default: the tenant's Entra token
    /// endpoint (single-tenant) or botframework.com's (multi-tenant).</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary><c>Teams:AllowedServiceUrls</c>: the connector URLs replies may go to (scheme, host and port equal, path
    /// a prefix). Empty: <see cref="DefaultServiceUrls"/>.</summary>
    public string[] AllowedServiceUrls { get; set; } = [];

    /// <summary><c>Teams:DangerouslyAllowUnauthenticatedRequests</c>: with no app id, accept requests without a token,
    /// send replies without one and allow loopback service URLs. Only for local emulators (Agents Playground);
    /// ignored when an app id is set.</summary>
    public bool DangerouslyAllowUnauthenticatedRequests { get; set; }

    /// <summary><c>Teams:ReplyQueueCapacity</c>: activities waiting for their reply; when full, Teams gets 503 and redelivers.</summary>
    [Range(1, 100_000)]
    public int ReplyQueueCapacity { get; set; } = 500;

    /// <summary><c>Teams:ReplyWorkers</c>: replies sent at the same time.</summary>
    [Range(1, 64)]
    public int ReplyWorkers { get; set; } = 16;

    /// <summary>Requests are authenticated with a token (an app id is set).</summary>
    public bool RequiresToken => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The endpoint is mapped: an app id is set, or the emulator flag is.</summary>
    public bool Enabled => RequiresToken || DangerouslyAllowUnauthenticatedRequests;

    /// <summary>Emulator mode: no tokens either way, loopback service URLs allowed.</summary>
    public bool Unauthenticated => !RequiresToken && DangerouslyAllowUnauthenticatedRequests;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RequiresToken && !Guid.TryParse(AppId, out _))
            yield return new ValidationResult("Teams:AppId must be the bot's Microsoft App Id (a GUID)", [nameof(AppId)]);
        if (RequiresToken && string.IsNullOrWhiteSpace(AppPassword))
            yield return new ValidationResult("Teams:AppPassword is required when Teams:AppId is set", [nameof(AppPassword)]);
        if (!string.IsNullOrWhiteSpace(TenantId) && !Guid.TryParse(TenantId, out _))
            yield return new ValidationResult("Teams:TenantId must be a tenant GUID (or empty for a multi-tenant bot)", [nameof(TenantId)]);
        if (string.IsNullOrWhiteSpace(OpenIdMetadataUrl) != (ValidIssuers.Length == 0))
            yield return new ValidationResult("Teams:OpenIdMetadataUrl and Teams:ValidIssuers are set together (they replace the defaults)", [nameof(OpenIdMetadataUrl)]);
        if (!string.IsNullOrWhiteSpace(OpenIdMetadataUrl) && !IsHttpUrl(OpenIdMetadataUrl))
            yield return new ValidationResult("Teams:OpenIdMetadataUrl must be an http(s) URL", [nameof(OpenIdMetadataUrl)]);
        if (!string.IsNullOrWhiteSpace(TokenEndpoint) && !IsHttpUrl(TokenEndpoint))
            yield return new ValidationResult("Teams:TokenEndpoint must be an http(s) URL", [nameof(TokenEndpoint)]);
        foreach (var url in AllowedServiceUrls.Where(u => !IsHttpUrl(u)))
            yield return new ValidationResult($"Teams:AllowedServiceUrls has '{url}', which is not an http(s) URL", [nameof(AllowedServiceUrls)]);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
