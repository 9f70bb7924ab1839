using System.Text;

namespace RecruiterBot.Channels.Slack;

/// <summary>Slack's message text rules.</summary>
/// <remarks>https://api.slack.com/reference/surfaces/formatting#escaping</remarks>
public static class SlackText
{
    /// <summary>Longest <c>text</c> the bot sends; Slack truncates past 40,000 characters.</summary>
    public const int MaxTextLength = 39_000;

    /// <summary>
    /// Escapes the three control characters, so text a user typed (<c>&lt;!channel&gt;</c>, <c>&lt;@U123&gt;</c>) is shown
    /// as typed and never pings anyone.
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Cuts escaped text to at most <paramref name="max"/> characters, never inside an entity.</summary>
    public static string Cut(string escaped, int max) =>
        escaped.Length <= max ? escaped : escaped[..SafeCut(escaped, max - 1)] + "…";

    /// <summary>The largest index up to <paramref name="max"/> where escaped text can be split without breaking an entity (<c>&amp;amp;</c>).</summary>
    public static int SafeCut(string escaped, int max)
    {
        if (escaped.Length <= max) return escaped.Length;
        var amp = escaped.LastIndexOf('&', max - 1, Math.Min(5, max));
        return amp >= 0 && escaped.IndexOf(';', amp, max - amp) < 0 ? amp : max;
    }
}
