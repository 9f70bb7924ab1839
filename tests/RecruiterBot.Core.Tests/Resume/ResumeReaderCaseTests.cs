using RecruiterBot.Core.Resume;

namespace RecruiterBot.Core.Tests.Resume;

public sealed class ResumeReaderCaseTests
{
    private static readonly ResumeReader Reader = new(TestKnowledge.Base);

    [Fact]
    public void Cases_AtLeastFortySnippets_WithUniqueNames()
    {
        Assert.True(ResumeSnippetCases.All.Length >= 40);
        Assert.Equal(ResumeSnippetCases.All.Length, ResumeSnippetCases.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(ResumeSnippetCases.Names), MemberType = typeof(ResumeSnippetCases))]
    public void Read_Snippet_FindsExpectedSkills(string name)
    {
        var c = ResumeSnippetCases.Get(name);
        var read = Reader.Read(c.Text);
        Assert.Equal(c.Skills.Order(), read.Skills.Select(s => s.Id).Order());
    }

    [Theory]
    [MemberData(nameof(ResumeSnippetCases.Names), MemberType = typeof(ResumeSnippetCases))]
    public void Read_Snippet_MeetsExpectedSignals(string name)
    {
        var c = ResumeSnippetCases.Get(name);
        var read = Reader.Read(c.Text);
        Assert.Equal(4, read.Signals.Count);
        Assert.Equal(c.Met.Order(), read.Signals.Where(s => s.Met).Select(s => s.Id).Order());
    }

    [Theory]
    [MemberData(nameof(ResumeSnippetCases.Names), MemberType = typeof(ResumeSnippetCases))]
    public void Read_Snippet_GivesExpectedProfile(string name)
    {
        var c = ResumeSnippetCases.Get(name);
        Assert.Equal(c.Profile, Reader.Read(c.Text).Profile.Id);
    }

    [Theory]
    [MemberData(nameof(ResumeSnippetCases.Names), MemberType = typeof(ResumeSnippetCases))]
    public void Read_Snippet_ListsExpectedNotCountedAndOutsideMentions(string name)
    {
        var c = ResumeSnippetCases.Get(name);
        var read = Reader.Read(c.Text);
        Assert.Equal((c.NotCounted ?? []).Order(), read.NotCounted.Select(n => n.SkillId).Order());
        Assert.Equal(c.Also ?? [], read.AlsoMentioned);
    }

    [Theory]
    [MemberData(nameof(ResumeSnippetCases.Names), MemberType = typeof(ResumeSnippetCases))]
    public void Read_Snippet_EvidenceIsWordsFromTheSnippet(string name)
    {
        var c = ResumeSnippetCases.Get(name);
        var read = Reader.Read(c.Text);
        var flat = string.Join(' ', c.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var skill in read.Skills)
        {
            Assert.InRange(skill.Evidence.Count, 1, ResumeReader.EvidenceLimit);
            Assert.Equal(skill.Evidence.Count, skill.Evidence.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var e in skill.Evidence)
            {
                Assert.Contains(e, flat, StringComparison.Ordinal);
                Assert.True(e.Length <= 40, $"evidence too long: {e}");
            }
        }
    }
}
