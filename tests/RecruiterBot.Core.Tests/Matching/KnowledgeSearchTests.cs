using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Matching;

namespace RecruiterBot.Core.Tests.Matching;

/// <summary>The search box ranking: names, prefixes typed so far, typos as in chat, and words of interview questions.</summary>
public class KnowledgeSearchTests
{
    private static readonly KnowledgeSearch Search = new(TestKnowledge.Base, new TermIndex(TestKnowledge.Base));

    [Theory]
    [InlineData("celery", "skill", "celery")]
    [InlineData("Celery?", "skill", "celery")]
    [InlineData("selery", "skill", "celery")]
    [InlineData("kube", "skill", "kubernetes")]
    [InlineData("kubernets", "skill", "kubernetes")]
    [InlineData("djang", "skill", "django")]
    [InlineData("k8s", "skill", "kubernetes")]
    [InlineData("fast api", "glossary", "fastapi")]
    [InlineData("flask", "glossary", "flask")]
    [InlineData("schema live", "interview", "data-migrations")]
    [InlineData("JWT", "skill", "rest-auth")]
    [InlineData("session login tokens", "interview", "api-auth-choices")]
    public void Find_Query_BestMatchFirst(string query, string kind, string id)
    {
        var first = Search.Find(query, 10)[0];

        Assert.Equal((kind, id), (first.Kind, first.Id));
    }

    [Fact]
    public void Find_Skill_ItsInterviewChecksListedAfterIt()
    {
        var results = Search.Find("celery", 10);

        Assert.Equal(EntryRef.Skill, results[0].Kind);
        Assert.Contains(results, r => r.Kind == EntryRef.Interview && TestKnowledge.Base.FindCheck(r.Id)!.Skills.Contains("celery"));
        Assert.Equal(results.Count, results.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    [InlineData(null)]
    public void Find_Empty_Nothing(string? query) => Assert.Empty(Search.Find(query, 10));

    [Fact]
    public void Find_Limit_NeverMore()
    {
        Assert.Equal(3, Search.Find("python", 3).Count);
        Assert.Empty(Search.Find("python", 0));
    }

    [Theory]
    [InlineData("zzzzqqqq")]
    [InlineData("<at>x</at>\u0000\u202e")]
    public void Find_NothingLikeIt_Nothing(string query) => Assert.Empty(Search.Find(query, 10));

    [Fact]
    public void Find_HugeQuery_CutToItsStart()
    {
        var results = Search.Find(string.Concat(Enumerable.Repeat("kubernetes docker ", 100_000)), 10);

        Assert.Equal(["docker", "kubernetes"], results.Take(2).Select(r => r.Id).Order());
    }
}
