using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Core.Resume;

namespace RecruiterBot.Cards.Tests;

/// <summary>Replies to render: a realistic one per answer kind (the sample data in cards/), edge cases, and real questions.</summary>
public static class CardSamples
{
    private static readonly Lazy<KnowledgeBase> Loaded = new(() => KnowledgeLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "knowledge")));

    public static KnowledgeBase Kb => Loaded.Value;

    /// <summary>Text a user might type that must never ping, link or break a card.</summary>
    public const string Hostile = "<!channel> <@U123> [x](javascript:alert(1)) \"quoted\" & 'single' ${title}\nnew line ü 😀";

    /// <summary>The reply behind each kind's sample data file (cards/*/&lt;kind&gt;.data.json).</summary>
    public static IReadOnlyDictionary<string, BotReply> Realistic => new Dictionary<string, BotReply>
    {
        ["skill"] = Ask("what is celery?"),
        ["glossary"] = Ask("what is flask?"),
        ["interview"] = new InterviewReply(Kb.FindCheck("data-orm-vs-sql")!, Kb.FindCategory("data")!, null, ShowAnswer: false, PoolRestarted: false),
        ["resume"] = new ResumeReply(SampleResume()),
        ["overview"] = Ask("overview"),
        ["help"] = Ask("help"),
        ["greeting"] = Ask("hi"),
        ["unknown"] = Ask("what is kubernets and blorp?"),
    };

    /// <summary>Edge data: missing optional parts, empty lists, quotes, newlines, unicode and user text that tries to inject.</summary>
    public static IEnumerable<(string Name, BotReply Reply)> Edge()
    {
        var odd = new SkillEntry("odd", "C# & \"Quotes\" <b>bold</b> ü 😀", "Back-End", "Core", "Line one\nline two", "Explanation with ${title} and $root and \\ backslash",
            "Note with \"quotes\", 'single', <tags> & ampersands", "application", [], [], [], []);
        var layer = Kb.FindLayer("application")!;
        yield return ("skill-bare", new SkillReply(odd, layer, null, [], []));
        yield return ("skill-also", new SkillReply(Kb.FindSkill("redis")!, Kb.FindLayer("data")!, null, [Kb.FindSkill("celery")!], [Ref.To(Kb.FindSkill("django")!), Ref.To(Kb.FindGlossary("flask")!)]));
        yield return ("glossary-also", new GlossaryReply(Kb.FindGlossary("fastapi")!, Kb.FindSkill("flask-fastapi")!, [Ref.To(Kb.FindSkill("docker")!)]));
        var check = Kb.FindCheck("async-job-failures")!;
        yield return ("interview-answer", new InterviewReply(check, Kb.FindCategory(check.Category)!, Kb.FindSkill("celery"), ShowAnswer: true, PoolRestarted: true));
        yield return ("resume-empty", new ResumeReply(new ResumeRead([], [], [], new ResumeProfile("not-a-resume", "Not a resume", "No skills or experience found."), [], [], [], [])));
        yield return ("resume-hostile", new ResumeReply(HostileResume()));
        yield return ("help-paste", new HelpReply(HelpTopic.PasteResume, Kb.Categories));
        yield return ("help-file", new HelpReply(HelpTopic.FileShared, []));
        yield return ("help-no-categories", new HelpReply(HelpTopic.General, []));
        yield return ("unknown-hostile", new UnknownReply(Hostile, null, []));
        yield return ("unknown-outside", new UnknownReply("java", "Java", [Ref.To(Kb.FindSkill("python")!)]));
        yield return ("unknown-nothing", new UnknownReply(null, null, []));
    }

    /// <summary>Real questions, typed and pressed, through the turn handler.</summary>
    public static readonly IReadOnlyList<string> Questions =
    [
        "what is celery?", "explain k8s", "DRF?", "what is flask?", "what's fastapi", "what is an ORM", "tell me about redis",
        "what is docker", "postgres?", "what does CI/CD mean", "what is react", "typescript", "pytest", "what is git", "aws",
        "monitoring", "mongodb", "sqlalchemy", "django templates", "html css", "what is python and django", "interview question",
        "a data question", "question about redis", "give me an ops question", "overview", "help", "hi", "hello there",
        "what is java?", "what is blorp", "what is kubernets", "how do I paste a resume", "asdfgh", "<!channel> what is [x](javascript:alert(1))",
        // Real resume snippets through the resume reader.
        "Skills: Python 3.11, Django 4.2, DRF, PostgreSQL 14, SQLAlchemy, React 18, TypeScript, Docker, GitHub Actions, AWS (EC2, S3). Learning Kubernetes.",
        "Jane Doe - jane@example.com - +1 415 555 0100\n- Built REST APIs with FastAPI and Pydantic\n- Celery workers on Redis\n- Deployed on EKS with Helm\nHobbies: cooking, celery juice",
        "resume: Java 17, Spring Boot, Hibernate, Oracle, Jenkins, <!channel> [x](javascript:alert(1))",
    ];

    public static readonly IReadOnlyList<CardAction> Buttons =
    [
        new(CardAction.Define, "skill", "redis"), new(CardAction.Define, "glossary", "flask"), new(CardAction.Interview),
        new(CardAction.Interview, Category: "data"), new(CardAction.Interview, Skill: "celery"), new(CardAction.Answer, Id: "data-migrations"),
        new(CardAction.ResumeHelp), new(CardAction.Overview), new(CardAction.Help), new("no-such-action"),
    ];

    public static IEnumerable<(string Name, BotReply Reply)> RealQuestions()
    {
        var turns = TurnHandler.Create(Kb);
        for (var i = 0; i < Questions.Count; i++)
            yield return ($"q{i:00}", turns.Reply(IncomingMessage.FromText(Questions[i]), ConversationState.New(i)).Reply);
        for (var i = 0; i < Buttons.Count; i++)
            yield return ($"b{i:00}", turns.Reply(new IncomingMessage { Action = Buttons[i] }, ConversationState.New(i)).Reply);
    }

    public static IEnumerable<(string Name, BotReply Reply)> All() =>
        Realistic.Select(kv => (kv.Key, kv.Value)).Concat(Edge()).Concat(RealQuestions());

    private static BotReply Ask(string text) => TurnHandler.Create(Kb).Reply(IncomingMessage.FromText(text), ConversationState.New(7)).Reply;

    public static ResumeRead SampleResume() => new(
        [
            new ResumeSkill("python", "Python", "application", ["Python 3"]),
            new ResumeSkill("django", "Django", "application", ["Django", "Django REST Framework"]),
            new ResumeSkill("react", "React or Similar JS Frameworks", "ux", ["React"]),
            new ResumeSkill("sql-databases", "PostgreSQL or MySQL", "data", ["PostgreSQL"]),
            new ResumeSkill("celery", "Celery and Background Jobs", "delivery", ["Celery"]),
            new ResumeSkill("docker", "Docker and Containers", "delivery", ["Docker"]),
        ],
        [
            new LayerCoverage("ux", "User Experience", true, ["React or Similar JS Frameworks"]),
            new LayerCoverage("application", "Application Logic", true, ["Python", "Django"]),
            new LayerCoverage("data", "Data", true, ["PostgreSQL or MySQL"]),
            new LayerCoverage("delivery", "Delivery", true, ["Celery and Background Jobs", "Docker and Containers"]),
        ],
        Kb.Signals.Select(s => new SignalReading(s.Id, s.Title, s.Id != "data-access", s.Why)).ToList(),
        new ResumeProfile("full-stack-python", "Full-stack Python", "Python with Django, a browser UI in React, a SQL database and delivery work: the whole stack."),
        ["No ORM named: ask how they reach the database from Python.", "No tests named: ask how they keep changes safe."],
        [Kb.FindCheck("data-orm-vs-sql")!, Kb.FindCheck("core-testing-strategy")!],
        [new NotCountedMention("kubernetes", "learning Kubernetes", "aspirational: learning, not used yet")],
        ["Java"]);

    public static ResumeRead HostileResume() => new(
        [new ResumeSkill("python", "Python", "application", [Hostile, "<https://evil.example|click me>"])],
        [new LayerCoverage("application", "Application Logic", true, ["Python"])],
        [],
        new ResumeProfile("python-other", "Python, not web", "Python shows, but no web framework."),
        [],
        [],
        [new NotCountedMention("django", Hostile, "negated")],
        [Hostile]);

    /// <summary>A resume read far bigger than any real snippet: hundreds of skills, each with long evidence.</summary>
    public static ResumeRead HugeResume()
    {
        var skills = Enumerable.Range(0, 300).Select(i => new ResumeSkill($"s{i}", $"Skill number {i} with a fairly long title",
            "application", Enumerable.Range(0, 20).Select(j => $"evidence {j} for skill {i}: " + new string('x', 150)).ToList())).ToList();
        var sample = SampleResume();
        return sample with
        {
            Skills = skills,
            Gaps = Enumerable.Range(0, 50).Select(i => $"Gap {i}: " + new string('g', 200)).ToList(),
            Questions = Kb.Interview,
            NotCounted = Enumerable.Range(0, 100).Select(i => new NotCountedMention("x", "not counted " + new string('n', 150), "negated")).ToList(),
            AlsoMentioned = Enumerable.Range(0, 100).Select(i => "Tech" + i).ToList(),
        };
    }
}
