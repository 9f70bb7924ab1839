using System.Text;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Core.Resume;

namespace RecruiterBot.Cards.PlainText;

/// <summary>The plain-text rendering of a reply: what the CLI prints and what channels send as the fallback text.</summary>
public static class PlainTextRenderer
{
    public static string Render(BotReply reply) => reply switch
    {
        SkillReply s => Skill(s),
        GlossaryReply g => Glossary(g),
        InterviewReply i => Interview(i),
        ResumeReply r => Resume(r.Read),
        OverviewReply o => Overview(o),
        HelpReply h => Help(h),
        GreetingReply => "Hi! I'm RecruiterBot. Ask me what a technology is (\"what is Celery?\"), ask for an interview question, or paste a resume snippet for a quick read.",
        UnknownReply u => Unknown(u),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "no plain-text rendering"),
    };

    private static string Skill(SkillReply r)
    {
        var s = r.Skill;
        var sb = Start();
        sb.Append(s.Title).Append(" (").Append(s.Section).Append(", ").Append(s.Badge).Append(") - ").AppendLine(s.Subtitle);
        sb.AppendLine().AppendLine(s.Explanation);
        if (r.Meaning is { } m) sb.AppendLine().Append("In one line: ").Append(m.Meaning).Append(' ').AppendLine(m.WhyItMatters);
        sb.AppendLine().Append("What it signals on a resume: ").AppendLine(s.RecruiterNote);
        sb.AppendLine().Append("Stack layer: ").Append(r.Layer.Number).Append(" - ").AppendLine(r.Layer.Title);
        if (r.Related.Count > 0) sb.Append("Related: ").AppendJoined(r.Related, x => x.Title).AppendLine();
        if (r.AlsoAsked.Count > 0) sb.Append("You also mentioned: ").AppendJoined(r.AlsoAsked, x => x.Title).AppendLine();
        return Finish(sb);
    }

    private static string Glossary(GlossaryReply r)
    {
        var sb = Start();
        sb.Append(r.Term.Term).Append(": ").AppendLine(r.Term.Meaning);
        sb.Append("Why it matters: ").AppendLine(r.Term.WhyItMatters);
        sb.AppendLine().Append("Part of: ").Append(r.Skill.Title).Append(" - ").AppendLine(r.Skill.Explanation);
        if (r.AlsoAsked.Count > 0) sb.Append("You also mentioned: ").AppendJoined(r.AlsoAsked, x => x.Title).AppendLine();
        return Finish(sb);
    }

    private static string Interview(InterviewReply r)
    {
        var sb = Start();
        if (r.PoolRestarted) sb.AppendLine("(You have seen every question in this set; starting over.)");
        sb.Append("Interview question (").Append(r.Category.Title);
        if (r.Skill is { } skill) sb.Append(", about ").Append(skill.Title);
        sb.Append("): ").AppendLine(r.Check.Question);
        sb.AppendLine().Append("What a strong answer sounds like: ").AppendLine(r.Check.StrongAnswer);
        return Finish(sb);
    }

    private static string Resume(ResumeRead read)
    {
        var sb = Start();
        sb.Append("Quick read: ").Append(read.Profile.Title).Append(". ").AppendLine(read.Profile.Why);
        if (read.Skills.Count > 0)
        {
            sb.AppendLine().AppendLine("Skills shown:");
            foreach (var s in read.Skills) sb.Append("- ").Append(s.Title).Append(" (").AppendJoined(s.Evidence, e => e, quoted: true).AppendLine(")");
        }
        if (read.NotCounted.Count > 0)
        {
            sb.AppendLine().AppendLine("Mentioned but not counted:");
            foreach (var n in read.NotCounted) sb.Append("- \"").Append(n.Evidence).Append("\": ").AppendLine(n.Reason);
        }
        if (read.AlsoMentioned.Count > 0) sb.AppendLine().Append("Also mentioned (outside this guide): ").AppendJoined(read.AlsoMentioned, m => m).AppendLine();
        if (read.Layers.Count > 0)
        {
            sb.AppendLine().AppendLine("Stack layers:");
            foreach (var l in read.Layers) sb.Append("- ").Append(l.Title).Append(": ").AppendLine(l.Covered ? "covered" : "not shown");
        }
        if (read.Signals.Count > 0)
        {
            sb.AppendLine().AppendLine("Reading guide:");
            foreach (var s in read.Signals) sb.Append(s.Met ? "- [met] " : "- [not met] ").Append(s.Title).Append(" - ").AppendLine(s.Why);
        }
        if (read.Gaps.Count > 0)
        {
            sb.AppendLine().AppendLine("Gaps to probe:");
            foreach (var g in read.Gaps) sb.Append("- ").AppendLine(g);
        }
        if (read.Questions.Count > 0)
        {
            sb.AppendLine().AppendLine("Ask:");
            foreach (var q in read.Questions) sb.Append("- ").AppendLine(q.Question);
        }
        return Finish(sb);
    }

    private static string Overview(OverviewReply r)
    {
        var sb = Start();
        sb.AppendLine("How a full-stack Python app fits together:");
        foreach (var l in r.Layers)
            sb.Append(l.Number).Append(". ").Append(l.Title).Append(" (").Append(l.Subtitle).Append("): ").AppendJoined(l.Technologies, t => t).AppendLine();
        sb.AppendLine().AppendLine(r.FullStackMeaning);
        sb.AppendLine().AppendLine("Quick resume reading guide:");
        foreach (var s in r.Signals) sb.Append("- ").Append(s.Title).Append(": ").AppendLine(s.Why);
        return Finish(sb);
    }

    private static string Help(HelpReply r) => r.Topic switch
    {
        HelpTopic.FileShared => "I can't open files, but I read pasted text. Open the resume, copy the skills section or a few bullets, and paste them here (start with \"resume:\" if it is a single line). I keep nothing of what you paste.",
        HelpTopic.PasteResume => "Paste part of a resume (a skills line, a few bullets, a summary) as a message, and I'll give you a quick read: the stack it shows, what's missing, and what to ask. Start with \"resume:\" if it is a single line; Shift+Enter makes new lines in the web chat. I keep nothing of what you paste.",
        _ => "I explain the full-stack Python stack in plain English.\n"
             + "- Ask what something is: \"what is Celery?\", \"explain k8s\", \"DRF?\"\n"
             + "- Get an interview question: \"interview question\", \"a data question\", \"question about Redis\" (categories: "
             + string.Join(", ", r.Categories.Select(c => c.Title)) + ")\n"
             + "- Paste a resume snippet for a quick read of the stack it shows\n"
             + "- \"overview\" shows how the four layers fit together",
    };

    private static string Unknown(UnknownReply r)
    {
        var sb = Start();
        if (r.OutsideGuide is { } name) sb.Append(name).Append(" is outside this guide: I cover the full-stack Python stack, so I don't know that one yet.");
        else if (r.Asked is { } asked) sb.Append("I don't know \"").Append(asked).Append("\" yet.");
        else sb.Append("I'm not sure what you're asking.");
        if (r.DidYouMean.Count > 0) sb.Append(" Did you mean: ").AppendJoined(r.DidYouMean, d => d.Title).Append('?');
        else sb.Append(" Try \"what is Django?\", \"interview question\" or \"help\".");
        return Finish(sb);
    }

    // One builder per thread, kept between replies, so a reply's text does not grow a new builder chunk by chunk.
    // One grown past this by a huge resume read is let go.
    private const int MaxKeptChars = 32 * 1024;
    [ThreadStatic] private static StringBuilder? t_builder;

    private static StringBuilder Start() =>
        (t_builder is { Capacity: <= MaxKeptChars } kept ? kept : t_builder = new StringBuilder(2048)).Clear();

    // The text without trailing white space, as one string (ToString().TrimEnd() made two).
    private static string Finish(StringBuilder sb)
    {
        var end = sb.Length;
        while (end > 0 && char.IsWhiteSpace(sb[end - 1])) end--;
        return sb.ToString(0, end);
    }

    // string.Join(", ", items.Select(text)), written straight into the builder; quoted puts each in double quotes.
    private static StringBuilder AppendJoined<T>(this StringBuilder sb, IEnumerable<T> items, Func<T, string> text, bool quoted = false)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first) sb.Append(", ");
            if (quoted) sb.Append('"').Append(text(item)).Append('"');
            else sb.Append(text(item));
            first = false;
        }
        return sb;
    }
}
