using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Core.Tests.Matching;

/// <summary>Every skill and glossary term is found by its title and by each of its aliases.</summary>
public class KnowledgeLookupTests
{
    private static BotReply Ask(string text) => TestKnowledge.Turns().Reply(IncomingMessage.FromText(text), ConversationState.New(7)).Reply;

    public static TheoryData<string, string> SkillNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in TestKnowledge.Base.Skills)
            foreach (var name in s.Aliases.Prepend(s.Title).DistinctBy(n => n.ToLowerInvariant()))
                data.Add(s.Id, name);
        return data;
    }

    public static TheoryData<string, string> GlossaryNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var g in TestKnowledge.Base.Glossary)
            foreach (var name in g.Aliases.Prepend(g.Term).DistinctBy(n => n.ToLowerInvariant()))
                data.Add(g.Id, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(SkillNames))]
    public void Reply_SkillTitleOrAlias_AnswersThatSkill(string skillId, string name)
    {
        foreach (var question in new[] { $"what is {name}?", name })
        {
            var reply = Ask(question);
            var answered = reply switch
            {
                SkillReply s => s.Skill.Id,
                // A narrower glossary term sharing the alias (flask) answers with the term and links its skill.
                GlossaryReply g => g.Skill.Id,
                _ => $"{reply.Intent} ({string.Join(",", reply.Suggestions.Select(e => e.Id))})",
            };
            Assert.True(skillId == answered, $"'{question}' should answer skill '{skillId}' but answered {answered}");
        }
    }

    [Theory]
    [MemberData(nameof(GlossaryNames))]
    public void Reply_GlossaryTermOrAlias_AnswersTheTermOrItsSkillWithTheMeaning(string termId, string name)
    {
        var term = TestKnowledge.Base.FindGlossary(termId)!;
        var reply = Ask($"what's {name}");
        if (term.Relation == GlossaryRelation.Narrower)
        {
            var g = Assert.IsType<GlossaryReply>(reply);
            Assert.Equal(termId, g.Term.Id);
            Assert.Equal(term.Skill, g.Skill.Id);
        }
        else
        {
            var s = Assert.IsType<SkillReply>(reply);
            Assert.Equal(term.Skill, s.Skill.Id);
            Assert.Equal(termId, s.Meaning?.Id);
        }
    }

    public static TheoryData<string> OutsideNames()
    {
        var data = new TheoryData<string>();
        foreach (var o in TestKnowledge.Base.OutsideGuide)
            foreach (var name in o.Aliases.Prepend(o.Name).DistinctBy(n => n.ToLowerInvariant())) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(OutsideNames))]
    public void Reply_TechnologyOutsideTheGuide_IsUnknownNeverAWrongEntry(string name)
    {
        var reply = Assert.IsType<UnknownReply>(Ask($"what is {name}?"));
        Assert.NotNull(reply.OutsideGuide);
        Assert.Empty(reply.Entries);
    }
}
