using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Core.Tests.Knowledge;

public class KnowledgeLoaderTests
{
    private static readonly string Shipped = File.ReadAllText(Path.Combine(TestKnowledge.Folder, "python-fullstack.yaml"));

    private static IReadOnlyList<KnowledgeProblem> Problems(params (string File, string Yaml)[] files) =>
        KnowledgeLoader.LoadTexts(files).Problems;

    private const string ExtraSkill = """
        skills:
          - id: htmx-extra
            title: Alpine.js
            section: Front-End
            badge: Framework
            subtitle: HTML over the wire
            explanation: Small library for server-driven interactivity.
            recruiterNote: Often used with Django templates.
            layer: ux
            aliases: [hyperscript]
            ambiguous: []
            related: [django-templates]
            interviewCategories: [front-end]
        """;

    [Fact]
    public void LoadFolder_ShippedKnowledge_HasTheReferenceContent()
    {
        var kb = TestKnowledge.Base;
        Assert.Equal(["ux", "application", "data", "delivery"], kb.Layers.Select(l => l.Id));
        Assert.Equal(["server-pairing", "browser-ui", "data-access", "shipped"], kb.Signals.Select(s => s.Id));
        Assert.Equal(20, kb.Skills.Count);
        Assert.Equal(["html-css-js", "django-templates", "react", "typescript", "python", "django", "flask-fastapi", "rest-auth", "testing",
            "sql-databases", "orm", "redis", "mongodb", "celery", "docker", "git", "cloud", "cicd", "kubernetes", "monitoring"], kb.Skills.Select(s => s.Id));
        Assert.Equal(["python", "django", "flask", "fastapi", "orm", "sqlalchemy", "django-orm", "celery", "redis", "ci-cd"], kb.Glossary.Select(g => g.Id));
        Assert.Equal(["core", "framework", "front-end", "data", "api", "async", "ops", "performance", "cloud", "practical"], kb.Categories.Select(c => c.Id));
        Assert.True(kb.Interview.Count >= 16);
        foreach (var category in kb.Categories) Assert.Contains(kb.Interview, c => c.Category == category.Id);
        foreach (var twice in new[] { "core", "framework", "data", "api", "ops" }) Assert.True(kb.Interview.Count(c => c.Category == twice) >= 2, twice);
        Assert.Contains("background job system", kb.FindGlossary("celery")!.Meaning);
    }

    [Fact]
    public void LoadTexts_ExtraFileWithASkill_AddsItWithoutCode()
    {
        var (kb, problems) = KnowledgeLoader.LoadTexts([("python-fullstack.yaml", Shipped), ("extra.yaml", ExtraSkill)]);
        Assert.Empty(problems);
        Assert.Equal("Alpine.js", kb!.FindSkill("htmx-extra")!.Title);
        var reply = Core.Conversation.TurnHandler.Create(kb).Reply(Core.Conversation.IncomingMessage.FromText("what is hyperscript?"), Core.Conversation.ConversationState.New(1)).Reply;
        Assert.Equal("htmx-extra", reply.Entries[0].Id);
    }

    [Fact]
    public void LoadTexts_DuplicateId_NamesFileLineAndFirstDefinition()
    {
        var dup = ExtraSkill.Replace("htmx-extra", "celery").Replace("hyperscript", "hyperscript2").Replace("Alpine.js", "Alpine2");
        var p = Assert.Single(Problems(("python-fullstack.yaml", Shipped), ("extra.yaml", dup)), x => x.Message.Contains("duplicate"));
        Assert.Equal("extra.yaml", p.File);
        Assert.Equal(2, p.Line);
        Assert.Contains("duplicate skill id 'celery'", p.Message);
        Assert.Contains("python-fullstack.yaml:", p.Message);
    }

    [Fact]
    public void LoadTexts_UnknownLayer_IsReported()
    {
        var p = Problems(("python-fullstack.yaml", Shipped), ("extra.yaml", ExtraSkill.Replace("layer: ux", "layer: frontend")));
        Assert.Contains(p, x => x.File == "extra.yaml" && x.Message.Contains("unknown layer 'frontend'"));
    }

    [Fact]
    public void LoadTexts_MissingField_IsReportedWithItsItemLine()
    {
        var p = Problems(("python-fullstack.yaml", Shipped), ("extra.yaml", ExtraSkill.Replace("    explanation: Small library for server-driven interactivity.\n", "")));
        var problem = Assert.Single(p);
        Assert.Equal(2, problem.Line);
        Assert.Contains("missing the required field 'explanation'", problem.Message);
    }

    [Fact]
    public void LoadTexts_AliasClaimedByTwoEntries_IsReported()
    {
        var p = Problems(("python-fullstack.yaml", Shipped), ("extra.yaml", ExtraSkill.Replace("[hyperscript]", "[hyperscript, k8s]")));
        Assert.Contains(p, x => x.Message.Contains("'k8s' is claimed by skill 'kubernetes' and skill 'htmx-extra'"));
    }

    [Fact]
    public void LoadTexts_AliasThatReadsTheSameInChat_IsReportedAsClaimedTwice()
    {
        // "Kubernetes!" and "kubernetes" are one term to the matcher, so they are one alias to the loader.
        var p = Problems(("python-fullstack.yaml", Shipped), ("extra.yaml", ExtraSkill.Replace("[hyperscript]", "[hyperscript, \"Kubernetes!\"]")));
        Assert.Contains(p, x => x.Message.Contains("'kubernetes!' is claimed by skill 'kubernetes' and skill 'htmx-extra'"));
    }

    [Fact]
    public void LoadTexts_BrokenYaml_NamesTheLine()
    {
        var p = Assert.Single(Problems(("python-fullstack.yaml", Shipped), ("extra.yaml", "skills:\n  - id: [unclosed\n")));
        Assert.Equal("extra.yaml", p.File);
        Assert.True(p.Line >= 2);
        Assert.Contains("not valid YAML", p.Message);
    }

    [Fact]
    public void LoadTexts_UnknownFieldAndBadReferences_AreAllListed()
    {
        var bad = ExtraSkill.Replace("related: [django-templates]", "related: [no-such]").Replace("interviewCategories: [front-end]", "interviewCategories: [nope]")
            .Replace("aliases: [hyperscript]", "aliases: [hyperscript]\n    colour: blue");
        var p = Problems(("python-fullstack.yaml", Shipped), ("extra.yaml", bad));
        Assert.Contains(p, x => x.Message.Contains("unknown skill 'no-such'"));
        Assert.Contains(p, x => x.Message.Contains("unknown interview category 'nope'"));
        Assert.Contains(p, x => x.Message.Contains("unknown field 'colour'"));
    }

    [Fact]
    public void LoadFolder_MissingFolder_ThrowsNamingIt()
    {
        var e = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.LoadFolder("/nonexistent/knowledge"));
        Assert.Contains("/nonexistent/knowledge", e.Message);
    }

    [Fact]
    public void LoadTexts_EmptyFile_IsReported()
    {
        Assert.Contains(Problems(("empty.yaml", "")), p => p.File == "empty.yaml" && p.Message.Contains("empty"));
    }
}
