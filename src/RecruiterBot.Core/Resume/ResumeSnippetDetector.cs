using RecruiterBot.Core.Matching;

namespace RecruiterBot.Core.Resume;

/// <summary>
/// Tells a pasted resume snippet from a question: an explicit "resume:" / "read this:" / "quick read", a "Skills:" line,
/// a multi-line paste, or a list of technologies. A one-line question naming two skills ("is Flask like Django?") is a question.
/// </summary>
public static class ResumeSnippetDetector
{
    private static readonly string[] ExplicitStarts =
        ["resume:", "resume -", "cv:", "read this:", "read this", "quick read", "read my resume", "read this resume", "resume snippet:", "here is a resume", "here's a resume", "heres a resume", "candidate resume:", "screen this:", "profile:"];

    private static readonly string[] SkillsLabels = ["skills:", "technical skills", "tech stack:", "technologies:", "stack:", "core skills:", "tools:", "languages:", "experience:", "summary:"];

    /// <summary>When the message is a snippet, the snippet without the explicit prefix; otherwise null.</summary>
    public static string? Snippet(string cleanText, TermIndex terms)
    {
        var text = cleanText.TrimStart();
        foreach (var start in ExplicitStarts)
            if (text.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                return text[start.Length..].TrimStart(' ', ':', '-', '\n');

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length >= 3) return text;
        var lower = text.ToLowerInvariant();
        if (SkillsLabels.Any(l => lower.StartsWith(l, StringComparison.Ordinal) || lower.Contains("\n" + l, StringComparison.Ordinal))) return text;

        // A list of technologies: four or more known terms separated by commas, bullets or pipes, and little else.
        var parts = text.Split([',', '|', '•', ';', '·', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length >= 4)
        {
            var known = parts.Count(p => terms.Find(ChatText.Key(p)) is not null || ChatText.Words(p).Any(w => terms.Find(w) is not null));
            if (known >= 4 && known * 3 >= parts.Length * 2) return text;
        }
        if (lines.Length == 2 && lines.Sum(l => ChatText.Words(l).Count) >= 12) return text;
        return null;
    }
}
