using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RecruiterBot.Channels.Admin;

/// <summary>Who may read <c>/admin</c>: a bearer token, or the cookie the sign-in form sets. The cookie holds a value
/// derived from the token, never the token itself.</summary>
internal static class AdminAuth
{
    public const string CookieName = "recruiterbot_admin";
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(7);

    public static bool IsSignedIn(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return TokenMatches(header["Bearer ".Length..].Trim(), token);
        return request.Cookies.TryGetValue(CookieName, out var cookie) && TokenMatches(cookie, SessionValue(token));
    }

    // Hashing first makes both sides the same length, so the compare takes the same time whatever was sent.
    public static bool TokenMatches(string? candidate, string token) => candidate is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static void SignIn(HttpResponse response, string token) =>
        response.Cookies.Append(CookieName, SessionValue(token), Options(response.HttpContext.Request, CookieLifetime));

    public static void SignOut(HttpResponse response) =>
        response.Cookies.Delete(CookieName, Options(response.HttpContext.Request, null));

    private static CookieOptions Options(HttpRequest request, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/admin",
        MaxAge = maxAge,
    };

    private static string SessionValue(string token) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "recruiterbot-admin-session-v1"u8))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
