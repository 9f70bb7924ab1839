using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace RecruiterBot.Core.Matching;

/// <summary>
/// Turns what a chat client delivers into plain words: HTML entities decoded, Teams <c>&lt;at&gt;</c> and Slack
/// <c>&lt;@U…&gt;</c> mentions and markup removed, control characters dropped.
/// </summary>
public static partial class ChatText
{
    /// <summary>Longest text the question matcher looks at; a longer message is either a resume or not a question.</summary>
    public const int QuestionLimit = 2_000;

    [GeneratedRegex(@"<at\b[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TeamsMention();

    // Slack: <@U024BE7LH>, <@U024BE7LH|name>, <!here>, <!channel>, <#C123|general>; links <https://x|label> keep the label.
    [GeneratedRegex(@"<[@!#][^>\s]*>", RegexOptions.CultureInvariant)]
    private static partial Regex SlackMention();

    [GeneratedRegex(@"<(https?://|mailto:)[^>|]*\|([^>]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex SlackLabelledLink();

    [GeneratedRegex(@"</?[a-zA-Z][^>]{0,200}>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    /// <summary>The message as readable text: mentions and markup gone, entities decoded, lines kept.</summary>
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var text = raw;
        // Decode first (twice: Teams sometimes double-encodes, &amp;lt;), so encoded markup is removed like markup.
        if (text.Contains('&')) text = WebUtility.HtmlDecode(WebUtility.HtmlDecode(text));
        if (text.Contains('<'))
        {
            text = TeamsMention().Replace(text, " ");
            text = SlackLabelledLink().Replace(text, "$2");
            text = SlackMention().Replace(text, " ");
            text = HtmlTag().Replace(text, m => m.Value.StartsWith("<br", StringComparison.OrdinalIgnoreCase) || m.Value.StartsWith("</p", StringComparison.OrdinalIgnoreCase) || m.Value.StartsWith("</div", StringComparison.OrdinalIgnoreCase) ? "\n" : " ");
        }
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\n') sb.Append('\n');
            else if (c == '\r') continue;
            else if (char.IsControl(c) || c is '\u200b' or '\u200c' or '\u200d' or '\u200e' or '\u200f' or '\u202a' or '\u202b' or '\u202c' or '\u202d' or '\u202e' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\ufeff')
                sb.Append(c == '\t' ? ' ' : '\0');
            else sb.Append(c);
        }
        return sb.Replace("\0", "").ToString().Trim();
    }

    /// <summary>
    /// Lower-case words for matching: letters and digits kept, '+' and '#' kept inside words (c++, c#), every other
    /// character a separator; "ci/cd" → "ci cd", "Next.js" → "next js".
    /// </summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
        }
        foreach (var ch in text)
        {
            var c = char.ToLowerInvariant(ch);
            if (char.IsLetterOrDigit(c)) current.Append(c);
            else if ((c == '+' || c == '#') && current.Length > 0) current.Append(c);
            else if (c == '\'' || c == '\u2019') continue; // what's → whats
            else Flush();
        }
        Flush();
        return words;
    }

    /// <summary>The matching key of a phrase: its words joined by single spaces.</summary>
    public static string Key(string phrase) => string.Join(' ', Words(phrase));
}
