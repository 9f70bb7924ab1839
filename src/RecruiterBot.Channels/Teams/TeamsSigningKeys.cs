using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RecruiterBot.Channels.Teams;

/// <summary>
/// The signing keys of one OpenID metadata document and the issuers they sign for. Keys are cached for
/// <see cref="CacheLifetime"/>; a token naming an unknown key id makes one refresh (at most one per
/// <see cref="RefreshCooldown"/>, so forged key ids cannot make the bot hammer the metadata endpoint).
/// Each fetch keeps, by key id, the channels a key is endorsed for (Bot Framework's <c>endorsements</c> in the key set).
/// </summary>
internal sealed class TeamsSigningKeys(string metadataUrl, IReadOnlyList<string> issuers, IHttpClientFactory httpClients, TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan RefreshCooldown = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _lock = new(1, 1);
    // Replaced whole by each fetch, so a caller without the lock reads the keys and their fetch time together.
    private volatile FetchedKeys? _fetched;
    private DateTimeOffset? _lastForcedRefresh;
    private DateTimeOffset? _lastFailedFetch;

    public IReadOnlyList<string> Issuers => issuers;

    public bool SignsFor(string issuer) => issuers.Contains(issuer, StringComparer.Ordinal);

    /// <summary>The cached keys, fetched when there are none yet or they are old; with <paramref name="unknownKeyId"/>
    /// the keys are refreshed first unless a refresh happened within the cooldown. Old keys stay in use while the
    /// metadata cannot be fetched, and are tried again at most once per cooldown.</summary>
    public async Task<SigningKeySet> GetKeysAsync(string? unknownKeyId, CancellationToken ct)
    {
        var seen = _fetched;
        // Nearly every call: fresh keys, no unknown key id. No lock, which every Teams request would otherwise queue on.
        if (unknownKeyId is null && seen is not null && time.GetUtcNow() - seen.At <= CacheLifetime) return seen.Keys;
        await _lock.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            // Another request refreshed while this one waited: use its keys.
            if (_fetched is { } current && !ReferenceEquals(seen, current)) return current.Keys;
            // Without keys every request tries; with old ones, a failed fetch is not retried by every request that comes.
            var stale = _fetched is null
                        || (now - _fetched.At > CacheLifetime && (_lastFailedFetch is null || now - _lastFailedFetch >= RefreshCooldown));
            var forced = unknownKeyId is not null && (_lastForcedRefresh is null || now - _lastForcedRefresh >= RefreshCooldown);
            if (!stale && !forced) return _fetched!.Keys;
            if (forced) _lastForcedRefresh = now;
            try
            {
                using var http = httpClients.CreateClient(nameof(TeamsTokenValidation));
                var retriever = new HttpDocumentRetriever(http) { RequireHttps = !IsLoopback(metadataUrl) };
                var config = await OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl, retriever, ct);
                _fetched = new FetchedKeys(new SigningKeySet(config.SigningKeys.ToList(), Endorsements(config.JsonWebKeySet?.Keys ?? [])), now);
                _lastFailedFetch = null;
                Log.TeamsKeysFetched(logger, metadataUrl, _fetched.Keys.Keys.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Keep what we had: an unreachable metadata endpoint must not lock out tokens signed with known keys.
                _lastFailedFetch = now;
                Log.TeamsKeysFetchFailed(logger, metadataUrl, e);
            }
            return _fetched?.Keys ?? SigningKeySet.None;
        }
        finally
        {
            _lock.Release();
        }
    }

    private sealed record FetchedKeys(SigningKeySet Keys, DateTimeOffset At);

    private static Dictionary<string, IReadOnlySet<string>> Endorsements(IEnumerable<JsonWebKey> keys)
    {
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var key in keys)
            if (key.Kid is { } kid && key.AdditionalData.TryGetValue("endorsements", out var value))
                endorsements[kid] = Channels(value);
        return endorsements;
    }

    // The key set's parser keeps the array as a JsonElement; anything but an array of strings endorses nothing (and so
    // refuses the key's tokens: fail closed).
    private static HashSet<string> Channels(object? value) => value is JsonElement { ValueKind: JsonValueKind.Array } array
        ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
        : [];

    private static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.IsLoopback;
}

/// <summary>One fetch of a metadata document's signing keys, and the channels each key is endorsed for (by key id; a key
/// the set lists no endorsements for is absent).</summary>
internal sealed record SigningKeySet(IReadOnlyList<SecurityKey> Keys, IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements)
{
    public static readonly SigningKeySet None = new([], new Dictionary<string, IReadOnlySet<string>>());
}
