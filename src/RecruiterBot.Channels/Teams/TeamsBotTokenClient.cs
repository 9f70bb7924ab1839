using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace RecruiterBot.Channels.Teams;

/// <summary>
/// The bot's own token for the connector: client credentials with scope <c>https://api.botframework.com/.default</c>
/// from <c>Teams:TokenEndpoint</c>, else the tenant's endpoint (single-tenant) or botframework.com's (multi-tenant);
/// cached until <see cref="RenewBefore"/> before it expires.
/// </summary>
internal sealed class TeamsBotTokenClient(IHttpClientFactory httpClients, IOptions<TeamsOptions> options, TimeProvider time)
{
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    public static string Endpoint(TeamsOptions o) => !string.IsNullOrWhiteSpace(o.TokenEndpoint)
        ? o.TokenEndpoint
        // A single-tenant app gets its tokens from its own tenant; botframework.com answers AADSTS700016 for it.
        : $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(o.TenantId) ? "botframework.com" : o.TenantId)}/oauth2/v2.0/token";

    public async Task<string> GetTokenAsync(CancellationToken ct)
    {
        if (_token is { } cached && time.GetUtcNow() < _renewAt) return cached;
        await _lock.WaitAsync(ct);
        try
        {
            if (_token is { } again && time.GetUtcNow() < _renewAt) return again;
            var o = options.Value;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.AppId ?? "",
                ["client_secret"] = o.AppPassword ?? "",
                ["scope"] = TeamsOptions.ConnectorScope,
            });
            using var http = httpClients.CreateClient(nameof(TeamsBotTokenClient));
            using var response = await http.PostAsync(Endpoint(o), form, ct);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"the token endpoint answered {(int)response.StatusCode}", null, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync(TeamsJsonContext.Default.TokenResponse, ct);
            if (body?.AccessToken is not { Length: > 0 } token) throw new HttpRequestException("the token endpoint sent no access_token");
            var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn, 0));
            // A short-lived token is renewed at half its life rather than never cached.
            _renewAt = time.GetUtcNow() + (lifetime > 2 * RenewBefore ? lifetime - RenewBefore : lifetime / 2);
            _token = token;
            return token;
        }
        finally
        {
            _lock.Release();
        }
    }

    internal sealed record TokenResponse
    {
        [JsonPropertyName("access_token")] public string? AccessToken { get; init; }
        [JsonPropertyName("expires_in")] public long ExpiresIn { get; init; }
    }
}
