using System.Text.RegularExpressions;

namespace RecruiterBot.Core.Privacy;

/// <summary>
/// Removes e-mail addresses and phone numbers from text that may be shown, stored or logged.
/// A resume holds personal data: whatever the intent, these never leave the turn.
/// </summary>
public static partial class PersonalDataScrubber
{
    public const string EmailMark = "[email]";
    public const string PhoneMark = "[phone]";

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Email();

    // Seven or more digits with the usual separators, optionally with a leading + and country code.
    [GeneratedRegex(@"(?<![\w])\+?\(?\d[\d\s().\-]{5,}\d(?![\w])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhoneLike();

    public static string Scrub(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        try
        {
            var noEmail = Email().Replace(text, EmailMark);
            return PhoneLike().Replace(noEmail, m => CountDigits(m.Value) >= 7 && !LooksLikeYearRange(m.Value) ? PhoneMark : m.Value);
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological input: drop everything rather than risk leaking it.
            return "";
        }
    }

    public static bool ContainsPersonalData(string text) => Scrub(text) != text;

    private static int CountDigits(string s) => s.Count(char.IsAsciiDigit);

    // "2019 - 2023" is a date range on a resume, not a phone number.
    private static bool LooksLikeYearRange(string s)
    {
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 8 && s.Contains('-') && digits[..2] is "19" or "20" && digits[4..6] is "19" or "20";
    }
}
