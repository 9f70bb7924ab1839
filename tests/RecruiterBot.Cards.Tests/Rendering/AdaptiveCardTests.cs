using System.Text.Json.Nodes;
using RecruiterBot.Cards.Adaptive;
using RecruiterBot.Cards.Data;
using RecruiterBot.Cards.Envelope;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards.Tests.Rendering;

/// <summary>Bound Adaptive Cards checked by the official artefacts: the adaptivecards JS renderer (parse + validate,
/// under Node) and the Adaptive Card 1.5 JSON schema; plus the envelope, user-text safety and the Teams size budget.</summary>
public sealed class AdaptiveCardTests
{

    [Fact]
    public void OfficialRenderer_EveryAnswerKindAndRealQuestion_ParsesWithoutWarnings()
    {
        var cards = CardSamples.All().Select(s => (s.Name, Card: CardJson.Renderer.AdaptiveCard(s.Reply))).ToList();
        Assert.True(cards.Count >= 30 + 8, $"only {cards.Count} cards");
        Assert.Equal(CardData.Kinds.Keys.Order(), CardSamples.All().Select(s => s.Reply.Intent).Distinct().Order());

        var request = new JsonObject
        {
            ["command"] = "validate",
            ["cards"] = new JsonArray([.. cards.Select(c => new JsonObject { ["name"] = c.Name, ["card"] = c.Card.DeepClone() })]),
        };
        var problems = NodeHarness.Run(request)["results"]!.AsArray()
            .SelectMany(r => r!["events"]!.AsArray().Concat(r["failures"]!.AsArray()).Select(m => $"{r["name"]}: {m}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Schema_EveryAnswerKindAndRealQuestion_ValidAdaptiveCard15()
    {
        var invalid = AdaptiveCardSchema.Problems(CardSamples.All().Select(s => (s.Name, CardJson.Renderer.AdaptiveCard(s.Reply))));
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
    }

    [Fact]
    public void Envelope_EveryIntent_CarriesCardAndSlackMessage()
    {
        foreach (var (name, reply) in CardSamples.All())
        {
            var envelope = ReplyEnvelopeBuilder.Build(CardJson.Renderer.Render(reply), "c1");
            var json = JsonNode.Parse(EnvelopeJson.Write(envelope))!;
            Assert.True(json["card"] is JsonObject, $"{name}: no card");
            Assert.Equal("AdaptiveCard", json["card"]!["type"]!.GetValue<string>());
            Assert.Equal("1.5", json["card"]!["version"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(json["slack"]?["text"]?.GetValue<string>()), $"{name}: no slack text");
            Assert.NotEmpty(json["slack"]!["blocks"]!.AsArray());
            // Every binding resolved (edge data that itself contains "${" is left out of this check).
            if (!CardJson.Data(reply).Json.GetRawText().Contains("${", StringComparison.Ordinal)) Assert.DoesNotContain("${", json["card"]!.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Envelope_EveryAnswerKind_CarriesTheBoundCardAndMessageAsTheyAreAndReadsBackTheSame()
    {
        foreach (var (name, reply) in CardSamples.All())
        {
            var rendered = CardJson.Renderer.Render(reply);
            var written = EnvelopeJson.Write(ReplyEnvelopeBuilder.Build(rendered, "c1"));
            var json = JsonNode.Parse(written)!;

            Assert.True(JsonNode.DeepEquals(rendered.Card, json["card"]), $"{name}: card");
            Assert.True(JsonNode.DeepEquals(rendered.Slack, json["slack"]), $"{name}: slack");
            var read = System.Text.Json.JsonSerializer.Deserialize(written, EnvelopeJson.ReplyEnvelopeInfo)!;
            Assert.True(JsonNode.DeepEquals(rendered.Card, JsonNode.Parse(read.Card!.ToString())), $"{name}: card read back");
        }
    }

    [Fact]
    public void Render_BothFormatsFromSharedData_SameAsEachBoundAlone()
    {
        // The huge resume needs a trimmed card: only the untrimmed data is shared with the Block Kit message.
        foreach (var (name, reply) in CardSamples.All().Append(("resume-huge", new ResumeReply(CardSamples.HugeResume()))))
        {
            var renderer = CardJson.Renderer;
            var cardFirst = renderer.Render(reply);
            Assert.Equal(renderer.AdaptiveCardJson(reply), cardFirst.CardJson);
            Assert.Equal(renderer.SlackMessageJson(reply), cardFirst.SlackJson);
            var slackFirst = renderer.Render(reply);
            Assert.Equal(renderer.SlackMessageJson(reply), slackFirst.SlackJson);
            Assert.Equal(renderer.AdaptiveCardJson(reply), slackFirst.CardJson);
        }
    }

    [Fact]
    public void UserText_OnlyInTextRuns_NeverMarkdown()
    {
        foreach (var reply in (BotReply[])[new UnknownReply(CardSamples.Hostile, null, []), new ResumeReply(CardSamples.HostileResume())])
        {
            var card = CardJson.Renderer.AdaptiveCard(reply);
            var carriers = CardJson.Strings(card).Where(s => s.Text.Contains("javascript:", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(carriers);
            Assert.All(carriers, s => Assert.Equal("TextRun", s.Owner?["type"]?.GetValue<string>()));
        }
    }

    [Fact]
    public void TeamsBudget_HugeResumeRead_StaysUnder28KbAndSaysSo()
    {
        var reply = new ResumeReply(CardSamples.HugeResume());
        var full = CardJson.Templates.Bind("adaptive", CardData.For(reply));
        Assert.True(TeamsBudget.ActivityBytes(full) > TeamsBudget.MaxActivityBytes, "the huge resume should be over budget untrimmed");

        var card = CardJson.Renderer.AdaptiveCard(reply);

        Assert.True(TeamsBudget.ActivityBytes(card) <= TeamsBudget.MaxActivityBytes, $"{TeamsBudget.ActivityBytes(card)} bytes");
        Assert.Contains(CardJson.Strings(card), s => s.Text.Contains("left out", StringComparison.Ordinal));
        Assert.Contains(CardJson.Strings(card), s => s.Text == "Full-stack Python");
    }

    [Fact]
    public void TeamsBudget_EveryRealCard_Under28Kb()
    {
        foreach (var (name, reply) in CardSamples.All())
        {
            var bytes = TeamsBudget.ActivityBytes(CardJson.Renderer.AdaptiveCard(reply));
            Assert.True(bytes <= TeamsBudget.MaxActivityBytes, $"{name}: {bytes} bytes");
        }
    }
}
