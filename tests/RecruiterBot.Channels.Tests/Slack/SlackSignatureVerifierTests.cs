using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RecruiterBot.Channels.Slack;

namespace RecruiterBot.Channels.Tests.Slack;

public sealed class SlackSignatureVerifierTests
{
    // Slack's documented example (https://api.slack.com/authentication/verifying-requests-from-slack).
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    public const string DocBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static SlackSignatureVerifier Verifier(string? secret, DateTimeOffset now) =>
        new(Options.Create(new SlackOptions { SigningSecret = secret, BotToken = "xoxb-1" }), new FakeTimeProvider(now));

    private static DateTimeOffset DocTime => DateTimeOffset.FromUnixTimeSeconds(long.Parse(DocTimestamp));

    [Fact]
    public void Verify_SlackDocumentedExample_Accepted()
    {
        Assert.Null(Verifier(DocSecret, DocTime.AddSeconds(30)).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody)));
        Assert.Equal(DocSignature, SlackSignatureVerifier.Sign(DocSecret, DocTimestamp, Encoding.UTF8.GetBytes(DocBody)));
    }

    [Fact]
    public void Verify_DocumentedExampleWithOneByteChanged_Rejected()
    {
        var body = Encoding.UTF8.GetBytes(DocBody.Replace("text=", "text=x"));
        Assert.Equal("signature mismatch", Verifier(DocSecret, DocTime).Verify(DocTimestamp, DocSignature, body));
    }

    [Fact]
    public void Verify_UpperCaseHexSignature_Accepted()
    {
        var upper = "v0=" + DocSignature[3..].ToUpperInvariant();
        Assert.Null(Verifier(DocSecret, DocTime).Verify(DocTimestamp, upper, Encoding.UTF8.GetBytes(DocBody)));
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-299, true)]
    [InlineData(299, true)]
    [InlineData(301, false)]
    public void Verify_TimestampWindow_FiveMinutesEitherWay(int secondsFromNow, bool accepted)
    {
        var result = Verifier(DocSecret, DocTime.AddSeconds(-secondsFromNow)).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody));
        if (accepted) Assert.Null(result);
        else Assert.Contains("5 minutes", result);
    }

    [Theory]
    [InlineData(null, DocSignature, "missing X-Slack-Request-Timestamp")]
    [InlineData(DocTimestamp, null, "missing X-Slack-Signature")]
    [InlineData("15314206l8", DocSignature, "not a unix time")]
    [InlineData("-1531420618", DocSignature, "not a unix time")]
    [InlineData("99999999999999999999", DocSignature, "not a unix time")]
    [InlineData(DocTimestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "not a v0 signature")]
    [InlineData(DocTimestamp, "v0=a2114d57", "not a v0 signature")]
    [InlineData(DocTimestamp, "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "not a v0 signature")]
    public void Verify_BrokenHeaders_RejectedWithReason(string? timestamp, string? signature, string reason)
    {
        Assert.Contains(reason, Verifier(DocSecret, DocTime).Verify(timestamp, signature, Encoding.UTF8.GetBytes(DocBody)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_NoSecretConfigured_FailsClosed(string? secret)
    {
        Assert.Contains("not configured", Verifier(secret, DocTime).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody)));
    }

    [Fact]
    public void Verify_WrongSecret_Rejected()
    {
        Assert.Equal("signature mismatch", Verifier("another-secret", DocTime).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody)));
    }
}
