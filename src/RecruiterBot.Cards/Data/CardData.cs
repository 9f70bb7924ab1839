using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Core.Resume;

namespace RecruiterBot.Cards.Data;

/// <summary>
/// Turns each <see cref="BotReply"/> into its card data: titles, texts, lists of buttons with their action data. The
/// sample <c>cards/*/*.data.json</c> files are exactly this output for realistic replies.
/// </summary>
public static class CardData
{
    /// <summary>The template kinds and the data type each one is bound to (checked field by field against templates).</summary>
    public static readonly IReadOnlyDictionary<string, Type> Kinds = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["skill"] = typeof(SkillCardData),
        ["glossary"] = typeof(GlossaryCardData),
        ["interview"] = typeof(InterviewCardData),
        ["resume"] = typeof(ResumeCardData),
        ["overview"] = typeof(OverviewCardData),
        ["help"] = typeof(HelpCardData),
        ["greeting"] = typeof(GreetingCardData),
        ["unknown"] = typeof(UnknownCardData),
    };

    /// <summary>Longest quoted evidence (the user's words) on a card.</summary>
    public const int MaxEvidenceChars = 100;

    public static BoundData For(BotReply reply, ResumeTrim? trim = null)
    {
        object data = reply switch
        {
            SkillReply s => Skill(s),
            GlossaryReply g => Glossary(g),
            InterviewReply i => Interview(i),
            ResumeReply r => Resume(r.Read, trim ?? ResumeTrim.None),
            OverviewReply o => Overview(o),
            HelpReply h => Help(h),
            GreetingReply => Greeting(),
            UnknownReply u => Unknown(u),
            _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "no card data"),
        };
        return new BoundData(reply.Intent, data);
    }

    public static JsonElement ToJson(object data) =>
        JsonSerializer.SerializeToElement(data, CardDataJson.Default.GetTypeInfo(data.GetType())!);

    public static CardButton Button(string title, CardAction action)
    {
        var data = action.ToData();
        var value = JsonSerializer.Serialize(data, CardDataJson.Default.DictionaryStringString);
        string?[] parts = [action.Action, action.Kind, action.Id, action.Category is null ? null : "category:" + action.Category,
            action.Skill is null ? null : "skill:" + action.Skill];
        return new CardButton(title, data, value, string.Join(':', parts.OfType<string>()));
    }

    private static CardButton Define(EntryRef entry) => Button(entry.Title, new CardAction(CardAction.Define, entry.Kind, entry.Id));

    private static SkillCardData Skill(SkillReply r)
    {
        var s = r.Skill;
        return new SkillCardData(
            Summary: $"{s.Title}: {s.Subtitle}",
            s.Title, s.Section, s.Badge,
            Layer: $"Layer {r.Layer.Number}: {r.Layer.Title}",
            s.Subtitle, s.Explanation, s.RecruiterNote,
            r.Meaning is { } m ? new CardMeaning(m.Term, m.Meaning, m.WhyItMatters) : null,
            r.Related.Select(x => Define(Ref.To(x))).ToList(),
            r.AlsoAsked.Select(Define).ToList(),
            Button("Interview question about this", new CardAction(CardAction.Interview, Skill: s.Id)));
    }

    private static GlossaryCardData Glossary(GlossaryReply r) => new(
        Summary: $"{r.Term.Term}: {r.Term.Meaning}",
        r.Term.Term, r.Term.Meaning, r.Term.WhyItMatters, r.Skill.Title, r.Skill.Explanation,
        [Define(Ref.To(r.Skill)), Button("Interview question about this", new CardAction(CardAction.Interview, Skill: r.Skill.Id))],
        r.AlsoAsked.Select(Define).ToList());

    private static InterviewCardData Interview(InterviewReply r) => new(
        Summary: $"Interview question ({r.Category.Title}): {r.Check.Question}",
        r.Category.Title, r.Check.Question, r.Check.StrongAnswer, r.Skill?.Title, r.ShowAnswer, r.PoolRestarted,
        AnswerButton(r.Check.Id),
        [
            Button("Another question", new CardAction(CardAction.Interview)),
            Button($"Another in {r.Category.Title}", new CardAction(CardAction.Interview, Category: r.Category.Id)),
        ]);

    // Built with loops into lists of their final size, and texts joined in one go: the resume card is the biggest, and
    // is built again for each tighter trim level.
    internal static ResumeCardData Resume(ResumeRead read, ResumeTrim trim)
    {
        var skills = new List<CardResumeSkill>(Math.Min(read.Skills.Count, trim.MaxSkills));
        var evidenceCut = false;
        foreach (var s in read.Skills)
        {
            evidenceCut |= s.Evidence.Count > trim.MaxEvidencePerSkill;
            if (skills.Count < trim.MaxSkills) skills.Add(new CardResumeSkill(s.Title, s.Layer, Quote(s.Evidence, trim.MaxEvidencePerSkill)));
        }
        var notCounted = new List<CardNotCounted>(Math.Min(read.NotCounted.Count, trim.MaxNotCounted));
        foreach (var n in read.NotCounted)
        {
            if (notCounted.Count == trim.MaxNotCounted) break;
            notCounted.Add(new CardNotCounted(Cut(n.Evidence), n.Reason));
        }
        var layers = new List<CardLayer>(read.Layers.Count);
        var covered = 0;
        foreach (var l in read.Layers)
        {
            if (l.Covered) covered++;
            layers.Add(new CardLayer(l.Title, l.Covered, l.Skills.Count == 0 ? "nothing shown" : SkillTitles(read, l.Skills)));
        }
        var signals = new List<CardSignal>(read.Signals.Count);
        foreach (var s in read.Signals) signals.Add(new CardSignal(s.Title, s.Met, s.Why));
        var gaps = new List<string>(Math.Min(read.Gaps.Count, trim.MaxGaps));
        foreach (var gap in read.Gaps)
        {
            if (gaps.Count == trim.MaxGaps) break;
            gaps.Add(gap);
        }
        var questions = new List<CardQuestion>(Math.Min(read.Questions.Count, trim.MaxQuestions));
        foreach (var q in read.Questions)
        {
            if (questions.Count == trim.MaxQuestions) break;
            questions.Add(new CardQuestion(q.Question, AnswerButton(q.Id)));
        }
        var alsoCount = Math.Min(read.AlsoMentioned.Count, trim.MaxAlsoMentioned);
        var trimmed = evidenceCut || read.Skills.Count > skills.Count || read.NotCounted.Count > notCounted.Count
            || read.AlsoMentioned.Count > alsoCount || read.Gaps.Count > gaps.Count || read.Questions.Count > questions.Count;
        return new ResumeCardData(
            Summary: $"Quick read: {read.Profile.Title}",
            new CardProfile(read.Profile.Id, read.Profile.Title, read.Profile.Why),
            Coverage: read.Layers.Count == 0 ? "No stack layers shown" : $"{covered} of {read.Layers.Count} stack layers shown",
            layers, skills, signals, gaps, questions, notCounted,
            AlsoMentioned(read.AlsoMentioned, alsoCount),
            trimmed ? "Some details were left out to keep this card small." : null);
    }

    // Layers list skill ids; the card shows the titles a recruiter reads (an id no skill has is shown as it is).
    private static string SkillTitles(ResumeRead read, IReadOnlyList<string> ids)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[256]);
        for (var i = 0; i < ids.Count; i++)
        {
            if (i > 0) text.AppendLiteral(", ");
            var title = ids[i];
            foreach (var skill in read.Skills)
                if (skill.Id == ids[i])
                {
                    title = skill.Title;
                    break;
                }
            text.AppendLiteral(title);
        }
        return text.ToStringAndClear();
    }

    // The user's words, each cut and quoted: “…”, “…”.
    private static string Quote(IReadOnlyList<string> evidence, int max)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[256]);
        for (var i = 0; i < evidence.Count && i < max; i++)
        {
            if (i > 0) text.AppendLiteral(", ");
            text.AppendLiteral("“");
            AppendCut(ref text, evidence[i]);
            text.AppendLiteral("”");
        }
        return text.ToStringAndClear();
    }

    private static string AlsoMentioned(IReadOnlyList<string> mentions, int count)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[256]);
        for (var i = 0; i < count; i++)
        {
            if (i > 0) text.AppendLiteral(", ");
            AppendCut(ref text, mentions[i]);
        }
        return text.ToStringAndClear();
    }

    private static string Cut(string text) => text.Length <= MaxEvidenceChars ? text : string.Concat(Kept(text), "…");

    private static void AppendCut(ref DefaultInterpolatedStringHandler text, string part)
    {
        if (part.Length <= MaxEvidenceChars)
        {
            text.AppendLiteral(part);
            return;
        }
        text.AppendFormatted(Kept(part));
        text.AppendLiteral("…");
    }

    // What a cut text keeps: room for the "…", without the spaces it would end with.
    private static ReadOnlySpan<char> Kept(string text) => text.AsSpan(0, MaxEvidenceChars - 1).TrimEnd();

    private static OverviewCardData Overview(OverviewReply r) => new(
        Summary: "How a full-stack Python app fits together",
        r.FullStackMeaning,
        r.Layers.Select(l => new CardOverviewLayer(l.Number, l.Title, l.Subtitle, string.Join(", ", l.Technologies))).ToList(),
        r.Signals.Select(s => new CardReadingSignal(s.Title, s.Why)).ToList(),
        [InterviewButton, ResumeHelpButton, HelpButton]);

    private static HelpCardData Help(HelpReply r) => r.Topic switch
    {
        HelpTopic.FileShared => new("I read pasted text, not files", "I read pasted text, not files",
            "I can't open files, but I read pasted text. Open the resume, copy the skills section or a few bullets, and paste them here (start with \"resume:\" if it is a single line). I keep nothing of what you paste.",
            [], "", [ResumeHelpButton, HelpButton]),
        HelpTopic.PasteResume => new("How to paste a resume", "How to paste a resume",
            "Paste part of a resume (a skills line, a few bullets, a summary) as a message, and I'll give you a quick read: the stack it shows, what's missing, and what to ask. Start with \"resume:\" if it is a single line; Shift+Enter makes new lines in the web chat. I keep nothing of what you paste.",
            [], "", [OverviewButton, HelpButton]),
        _ => new("What I can do", "What I can do", "I explain the full-stack Python stack in plain English.",
            [
                "Ask what something is: \"what is Celery?\", \"explain k8s\", \"DRF?\"",
                "Get an interview question: \"interview question\", \"a data question\", \"question about Redis\"",
                "Paste a resume snippet for a quick read of the stack it shows",
                "\"overview\" shows how the four layers fit together",
            ],
            r.Categories.Count == 0 ? "" : "Interview categories: " + string.Join(", ", r.Categories.Select(c => c.Title)),
            [OverviewButton, InterviewButton, ResumeHelpButton]),
    };

    private static GreetingCardData Greeting() => new("Hi! I'm RecruiterBot.", "Hi! I'm RecruiterBot.",
        "Ask me what a technology is (\"what is Celery?\"), ask for an interview question, or paste a resume snippet for a quick read.",
        [OverviewButton, InterviewButton, ResumeHelpButton, HelpButton]);

    private static UnknownCardData Unknown(UnknownReply r)
    {
        string message, summary;
        if (r.OutsideGuide is { } name)
            (summary, message) = ($"{name} is outside this guide", $"{name} is outside this guide: I cover the full-stack Python stack, so I don't know that one yet.");
        else if (r.Asked is { } asked)
            (summary, message) = ("I don't know that one yet", $"I don't know \"{asked}\" yet.");
        else
            (summary, message) = ("I'm not sure what you're asking", "I'm not sure what you're asking.");
        message += r.DidYouMean.Count > 0 ? " Did you mean:" : " Try \"what is Django?\", \"interview question\" or \"help\".";
        return new UnknownCardData(summary, message, r.DidYouMean.Select(Define).ToList(), [HelpButton, OverviewButton]);
    }

    // A question's answer button is the same on every resume card that suggests it: made once per question (the
    // knowledge base's few hundred at most; past the cap, made each time rather than kept).
    private const int MaxKeptAnswerButtons = 4096;
    private static readonly ConcurrentDictionary<string, CardButton> AnswerButtons = new(StringComparer.Ordinal);

    private static CardButton AnswerButton(string checkId) => AnswerButtons.TryGetValue(checkId, out var button) ? button
        : AnswerButtons.Count < MaxKeptAnswerButtons ? AnswerButtons.GetOrAdd(checkId, NewAnswerButton) : NewAnswerButton(checkId);

    private static CardButton NewAnswerButton(string checkId) => Button("What a strong answer sounds like", new CardAction(CardAction.Answer, Id: checkId));

    // The same on every card: made once, not on each reply.
    private static readonly CardButton OverviewButton = Button("How it fits together", new CardAction(CardAction.Overview));
    private static readonly CardButton InterviewButton = Button("Interview question", new CardAction(CardAction.Interview));
    private static readonly CardButton ResumeHelpButton = Button("How to paste a resume", new CardAction(CardAction.ResumeHelp));
    private static readonly CardButton HelpButton = Button("Help", new CardAction(CardAction.Help));
}
