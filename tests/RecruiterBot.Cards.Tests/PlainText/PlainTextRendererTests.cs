using RecruiterBot.Cards.PlainText;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards.Tests.PlainText;

/// <summary>The plain text is built in a builder kept per thread: nothing of one reply may show in the next.</summary>
public sealed class PlainTextRendererTests
{
    private static readonly IReadOnlyList<BotReply> Replies =
        [.. CardSamples.All().Select(s => s.Reply), new ResumeReply(CardSamples.HugeResume())];

    [Fact]
    public void Render_EveryReply_SameTextWhateverWasRenderedBeforeOnTheThread()
    {
        var forward = Replies.Select(PlainTextRenderer.Render).ToList();
        var backward = Replies.Reverse().Select(PlainTextRenderer.Render).Reverse().ToList();

        Assert.Equal(forward, backward);
        Assert.All(forward, text => Assert.Equal(text.Trim(), text));
    }

    [Fact]
    public void Render_SkillWithRelatedAndAlsoAsked_ListsTheirTitlesCommaSeparated()
    {
        var kb = CardSamples.Kb;
        var reply = new SkillReply(kb.FindSkill("redis")!, kb.FindLayer("data")!, null, [kb.FindSkill("celery")!, kb.FindSkill("docker")!],
            [Ref.To(kb.FindSkill("django")!), Ref.To(kb.FindGlossary("flask")!)]);

        var lines = PlainTextRenderer.Render(reply).Split('\n');

        Assert.Contains($"Related: {kb.FindSkill("celery")!.Title}, {kb.FindSkill("docker")!.Title}", lines);
        Assert.Contains($"You also mentioned: {reply.AlsoAsked[0].Title}, {reply.AlsoAsked[1].Title}", lines);
    }

    [Fact]
    public void Render_Resume_QuotesEachPieceOfEvidence()
    {
        var read = CardSamples.SampleResume();
        var skill = read.Skills.First(s => s.Evidence.Count > 1);

        var text = PlainTextRenderer.Render(new ResumeReply(read));

        Assert.Contains($"- {skill.Title} (\"{skill.Evidence[0]}\", \"{skill.Evidence[1]}\"", text);
    }

    [Fact]
    public void Render_ListsInUnknownOverviewAndResume_CommaSeparated()
    {
        var kb = CardSamples.Kb;
        var unknown = new UnknownReply("selry", null, [Ref.To(kb.FindSkill("celery")!), Ref.To(kb.FindGlossary("flask")!)]);
        var overview = CardSamples.All().Select(s => s.Reply).OfType<OverviewReply>().First();
        var layer = overview.Layers[0];
        var resume = CardSamples.SampleResume() with { AlsoMentioned = ["Rust", "Go"] };

        Assert.EndsWith($" Did you mean: {unknown.DidYouMean[0].Title}, {unknown.DidYouMean[1].Title}?", PlainTextRenderer.Render(unknown));
        Assert.Contains($"{layer.Number}. {layer.Title} ({layer.Subtitle}): {string.Join(", ", layer.Technologies)}", PlainTextRenderer.Render(overview).Split('\n'));
        Assert.Contains("Also mentioned (outside this guide): Rust, Go", PlainTextRenderer.Render(new ResumeReply(resume)).Split('\n'));
    }
}
