using Microsoft.Extensions.Options;

namespace RecruiterBot.Channels.Teams;

/// <summary>
/// Which service URLs replies (and the bot's token) may go to: scheme, host and port equal to an allowed entry and the
/// path under the entry's path. A signed activity names its own service URL; this stops a token or a reply from going
/// anywhere else. In emulator mode loopback hosts (any port) are allowed too.
/// </summary>
internal sealed class TeamsServiceUrlPolicy
{
    private readonly IReadOnlyList<Uri> _allowed;
    private readonly bool _allowLoopback;

    public TeamsServiceUrlPolicy(IOptions<TeamsOptions> options)
    {
        var o = options.Value;
        var entries = o.AllowedServiceUrls.Length > 0 ? o.AllowedServiceUrls : TeamsOptions.DefaultServiceUrls;
        _allowed = entries.Select(e => new Uri(e, UriKind.Absolute)).ToList();
        _allowLoopback = o.Unauthenticated;
    }

    public bool IsAllowed(string? serviceUrl)
    {
        if (serviceUrl is null || serviceUrl.Length > 2048 || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return false;
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0) return false;
        if (_allowLoopback && uri.IsLoopback && (uri.Host == "localhost" || uri.Host == "127.0.0.1" || uri.Host == "[::1]")) return true;
        return _allowed.Any(entry => Matches(entry, uri));
    }

    private static bool Matches(Uri entry, Uri uri) =>
        entry.Scheme == uri.Scheme
        && string.Equals(entry.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
        && entry.Port == uri.Port
        && WithSlash(uri.AbsolutePath).StartsWith(WithSlash(entry.AbsolutePath), StringComparison.Ordinal);

    // "/amer" allows "/amer/" and "/amer/x", never "/americas".
    private static string WithSlash(string path) => path.EndsWith('/') ? path : path + "/";
}
