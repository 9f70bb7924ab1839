using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RecruiterBot.Channels.Slack;

/// <summary>
/// Checks Slack's request signature: <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> keyed with the
/// signing secret, and a timestamp within five minutes of now.
/// </summary>
/// <remarks>https://api.slack.com/authentication/verifying-requests-from-slack</remarks>
public sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);
    private const string Version = "v0";

    /// <summary>Null when the request is Slack's, otherwise why it is not.</summary>
    public string? Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var secret = options.Value.SigningSecret;
        // Fail closed: without a secret nothing verifies.
        if (string.IsNullOrEmpty(secret)) return "Slack signing secret is not configured";
        if (string.IsNullOrEmpty(timestamp)) return "missing X-Slack-Request-Timestamp header";
        if (string.IsNullOrEmpty(signature)) return "missing X-Slack-Signature header";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 1L << 40)
            return "X-Slack-Request-Timestamp is not a unix time";
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        // Replays of a captured request are refused after five minutes; so are requests from a clock far ahead.
        if (age.Duration() > MaxClockSkew) return "X-Slack-Request-Timestamp is more than 5 minutes from now";
        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal) || signature.Length != Version.Length + 1 + 64)
            return "X-Slack-Signature is not a v0 signature";
        byte[] given;
        try { given = Convert.FromHexString(signature.AsSpan(Version.Length + 1)); }
        catch (FormatException) { return "X-Slack-Signature is not a v0 signature"; }

        return CryptographicOperations.FixedTimeEquals(Compute(secret, timestamp, body), given) ? null : "signature mismatch";
    }

    /// <summary>The HMAC bytes Slack signs a request with.</summary>
    public static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(Version + ":" + timestamp + ":"));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>The header value Slack would send: <c>v0=</c> and the lower-case hex HMAC.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Version + "=" + Convert.ToHexStringLower(Compute(secret, timestamp, body));
}
