using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Core.Tests.Matching;

/// <summary>What recruiters really type, and what the bot must answer. "-" as the entry means no entry.</summary>
public class PhrasingTests
{
    private static BotReply Ask(string text) => TestKnowledge.Turns().Reply(IncomingMessage.FromText(text), ConversationState.New(3)).Reply;

    [Theory]
    // question frames
    [InlineData("what is Celery?", "skill", "celery")]
    [InlineData("What's Celery", "skill", "celery")]
    [InlineData("whats celery", "skill", "celery")]
    [InlineData("what’s celery?", "skill", "celery")]
    [InlineData("explain celery", "skill", "celery")]
    [InlineData("define celery", "skill", "celery")]
    [InlineData("tell me about celery", "skill", "celery")]
    [InlineData("meaning of celery", "skill", "celery")]
    [InlineData("celery?", "skill", "celery")]
    [InlineData("Celery", "skill", "celery")]
    [InlineData("CELERY", "skill", "celery")]
    [InlineData("what does celery mean", "skill", "celery")]
    [InlineData("what is celery used for?", "skill", "celery")]
    [InlineData("can you explain what Celery is please", "skill", "celery")]
    [InlineData("what are background jobs", "skill", "celery")]
    [InlineData("what does CI/CD stand for", "skill", "cicd")]
    [InlineData("define ci-cd", "skill", "cicd")]
    [InlineData("what is continuous integration", "skill", "cicd")]
    [InlineData("GH Actions?", "skill", "cicd")]
    [InlineData("jenkins", "skill", "cicd")]
    // chatter around the question
    [InlineData("hi! quick question, what is docker?", "skill", "docker")]
    [InlineData("hey bot, what's kubernetes? thanks", "skill", "kubernetes")]
    [InlineData("sorry to bother, what is redis exactly?", "skill", "redis")]
    [InlineData("the candidate says they know django, what is that?", "skill", "django")]
    [InlineData("I keep seeing React on resumes, what does it mean?", "skill", "react")]
    [InlineData("what is mongodb in plain english", "skill", "mongodb")]
    [InlineData("ok so what's an ORM", "skill", "orm")]
    // typos
    [InlineData("kubernets", "skill", "kubernetes")]
    [InlineData("what is kubernets", "skill", "kubernetes")]
    [InlineData("postgress", "skill", "sql-databases")]
    [InlineData("what is postgress?", "skill", "sql-databases")]
    [InlineData("djano", "skill", "django")]
    [InlineData("what is fast api", "glossary", "fastapi")]
    [InlineData("fastapi?", "glossary", "fastapi")]
    [InlineData("pyhton", "skill", "python")]
    [InlineData("what is selery", "skill", "celery")]
    [InlineData("dockr", "skill", "docker")]
    [InlineData("typscript", "skill", "typescript")]
    [InlineData("what is mongo db", "skill", "mongodb")]
    [InlineData("kuberentes", "skill", "kubernetes")]
    // plurals and abbreviations
    [InlineData("what are ORMs", "skill", "orm")]
    [InlineData("what are containers", "skill", "docker")]
    [InlineData("what are REST APIs", "skill", "rest-auth")]
    [InlineData("k8s", "skill", "kubernetes")]
    [InlineData("what's k8s", "skill", "kubernetes")]
    [InlineData("EKS?", "skill", "kubernetes")]
    [InlineData("what is pg", "skill", "sql-databases")]
    [InlineData("postgres", "skill", "sql-databases")]
    [InlineData("DRF", "skill", "rest-auth")]
    [InlineData("JS", "skill", "html-css-js")]
    [InlineData("what is TS", "skill", "typescript")]
    [InlineData("what is pytest", "skill", "testing")]
    [InlineData("jinja2?", "skill", "django-templates")]
    [InlineData("what is EC2", "skill", "cloud")]
    [InlineData("S3", "skill", "cloud")]
    [InlineData("sentry", "skill", "monitoring")]
    [InlineData("what is datadog", "skill", "monitoring")]
    [InlineData("prometheus", "skill", "monitoring")]
    [InlineData("what is RQ", "skill", "celery")]
    [InlineData("pymongo", "skill", "mongodb")]
    [InlineData("what is vue", "skill", "react")]
    [InlineData("Next.js?", "skill", "react")]
    // glossary narrower than its skill, and the same as its skill
    [InlineData("what is flask", "glossary", "flask")]
    [InlineData("what is SQLAlchemy", "glossary", "sqlalchemy")]
    [InlineData("what is the django orm", "glossary", "django-orm")]
    [InlineData("what is python", "skill", "python")]
    [InlineData("is Flask like Django?", "glossary", "flask")]
    // mentions and entities
    [InlineData("<at>RecruiterBot</at> what is celery?", "skill", "celery")]
    [InlineData("<at>Recruiter Bot</at>\r\n what's fast api?", "glossary", "fastapi")]
    [InlineData("<@U024BE7LH> what is redis", "skill", "redis")]
    [InlineData("<@U024BE7LH|recruiterbot> explain docker", "skill", "docker")]
    [InlineData("what is CI&#x2F;CD", "skill", "cicd")]
    [InlineData("&lt;b&gt;redis&lt;/b&gt;", "skill", "redis")]
    [InlineData("what&#39;s celery", "skill", "celery")]
    [InlineData("<p>what is <b>docker</b></p>", "skill", "docker")]
    // out of the guide: never a wrong entry
    [InlineData("what is Rust?", "unknown", "-")]
    [InlineData("what is Java", "unknown", "-")]
    [InlineData("Snowflake?", "unknown", "-")]
    [InlineData("celery juice", "unknown", "-")]
    [InlineData("is celery juice healthy", "unknown", "-")]
    [InlineData("Monty Python", "unknown", "-")]
    [InlineData("what is jest", "unknown", "-")]
    [InlineData("what is a blockchain", "unknown", "-")]
    [InlineData("what is spring boot", "unknown", "-")]
    [InlineData("what is golang", "unknown", "-")]
    [InlineData("what is terraform", "unknown", "-")]
    [InlineData("asdfgh", "unknown", "-")]
    // interview, overview, help, greeting
    [InlineData("interview question", "interview", "*")]
    [InlineData("give me an interview question", "interview", "*")]
    [InlineData("random interview question", "interview", "*")]
    [InlineData("what should I ask a candidate about Celery?", "interview", "*")]
    [InlineData("a data question please", "interview", "*")]
    [InlineData("quiz me", "interview", "*")]
    [InlineData("overview", "overview", "-")]
    [InlineData("how does the stack fit together?", "overview", "-")]
    [InlineData("what does full-stack python mean", "overview", "-")]
    [InlineData("help", "help", "-")]
    [InlineData("what can you do?", "help", "-")]
    [InlineData("", "help", "-")]
    [InlineData("hi", "greeting", "-")]
    [InlineData("Hello there!", "greeting", "-")]
    [InlineData("thanks!", "greeting", "-")]
    [InlineData("good morning", "greeting", "-")]
    public void Reply_RecruiterPhrasing_UnderstandsIt(string text, string intent, string firstEntry)
    {
        var reply = Ask(text);
        Assert.True(intent == reply.Intent, $"'{text}' → {reply.Intent} ({string.Join(",", reply.Entries.Select(e => e.Id))}), expected {intent}");
        if (firstEntry == "-") Assert.Empty(reply.Entries);
        else if (firstEntry != "*") Assert.Equal(firstEntry, reply.Entries[0].Id);
    }

    [Theory]
    [InlineData("what should I ask a candidate about Celery?", "celery")]
    [InlineData("interview question about redis", "redis")]
    [InlineData("question to ask about kubernetes", "kubernetes")]
    public void Reply_InterviewAboutASkill_DrawsACheckThatProbesIt(string text, string skill)
    {
        var reply = Assert.IsType<InterviewReply>(Ask(text));
        Assert.Equal(skill, reply.Skill?.Id);
        Assert.Contains(skill, reply.Check.Skills);
    }

    [Theory]
    [InlineData("a data question please", "data")]
    [InlineData("give me an ops interview question", "ops")]
    [InlineData("front end interview question", "front-end")]
    [InlineData("api interview question", "api")]
    [InlineData("cloud interview question", "cloud")]
    public void Reply_InterviewInACategory_DrawsFromThatCategory(string text, string category)
    {
        var reply = Assert.IsType<InterviewReply>(Ask(text));
        Assert.Equal(category, reply.Check.Category);
    }

    [Theory]
    [InlineData("celery juice", "celery")]
    [InlineData("Monty Python", "python")]
    [InlineData("dockerization", "docker")]
    public void Reply_Unknown_SuggestsWhatItMightHaveMeant(string text, string suggested)
    {
        var reply = Assert.IsType<UnknownReply>(Ask(text));
        Assert.Contains(reply.Suggestions, s => s.Id == suggested);
        Assert.True(reply.Suggestions.Count <= 3);
    }
}
