using System.Text.Json.Nodes;
using RecruiterBot.Cards.Adaptive;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards.Tests.Rendering;

/// <summary>The Teams versions of the cards: Action.Execute on the interview card, no bot buttons on inserted cards;
/// both still parse with the official renderer without warnings and validate against the Adaptive Card 1.5 schema.</summary>
public sealed class TeamsCardVariantTests
{
    private const string Link = "https://teams.microsoft.com/l/chat/0/0?users=28:7d5d1a3e-7c2b-4a55-9f55-1f3f8a1c0b21";


    private static IEnumerable<(string Name, JsonObject Card)> Variants() =>
        CardSamples.All().SelectMany(s =>
        {
            var card = CardJson.Renderer.AdaptiveCard(s.Reply);
            return new[]
            {
                (s.Name + "-teams", TeamsCardVariant.WithUniversalActions(s.Reply, card)),
                (s.Name + "-inserted", TeamsCardVariant.WithoutBotActions(card, Link, "Ask RecruiterBot")),
                (s.Name + "-inserted-nolink", TeamsCardVariant.WithoutBotActions(card, null, "Ask RecruiterBot")),
            };
        });

    private static List<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject o => [.. (o["actions"] as JsonArray ?? []).OfType<JsonObject>(), .. o.SelectMany(p => Actions(p.Value))],
        JsonArray a => [.. a.SelectMany(Actions)],
        _ => [],
    };

    [Fact]
    public void OfficialRenderer_EveryTeamsVariant_ParsesWithoutWarnings()
    {
        var request = new JsonObject
        {
            ["command"] = "validate",
            ["cards"] = new JsonArray([.. Variants().Select(v => new JsonObject { ["name"] = v.Name, ["card"] = v.Card.DeepClone() })]),
        };

        var problems = NodeHarness.Run(request)["results"]!.AsArray()
            .SelectMany(r => r!["events"]!.AsArray().Concat(r["failures"]!.AsArray()).Select(m => $"{r["name"]}: {m}"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Schema_EveryTeamsVariant_ValidAdaptiveCard15()
    {
        var invalid = AdaptiveCardSchema.Problems(Variants());
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
    }

    [Fact]
    public void WithUniversalActions_InterviewCard_AnswerAndCategoryButtonsExecuteWithSubmitFallback()
    {
        var reply = CardSamples.Realistic["interview"];
        var card = CardJson.Renderer.AdaptiveCard(reply);

        var teams = TeamsCardVariant.WithUniversalActions(reply, card);

        var actions = Actions(teams);
        Assert.DoesNotContain(actions, a => a["type"]!.GetValue<string>() == "Action.ShowCard");
        var answer = Assert.Single(actions, a => a["verb"]?.GetValue<string>() == "answer");
        Assert.Equal("Action.Execute", answer["type"]!.GetValue<string>());
        Assert.Equal("What a strong answer sounds like", answer["title"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["action"] = "answer", ["id"] = "data-orm-vs-sql" }, answer["data"]));
        var category = Assert.Single(actions, a => a["verb"]?.GetValue<string>() == "interview");
        Assert.Equal("Another in Data", category["title"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["action"] = "interview", ["category"] = "data" }, category["data"]));
        foreach (var execute in (JsonObject[])[answer, category])
        {
            var fallback = execute["fallback"]!;
            Assert.Equal("Action.Submit", fallback["type"]!.GetValue<string>());
            Assert.Equal(execute["title"]!.GetValue<string>(), fallback["title"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(execute["data"], fallback["data"]));
        }
        var another = Assert.Single(actions, a => a["type"]!.GetValue<string>() == "Action.Submit");
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["action"] = "interview" }, another["data"]));
        // The template's card is not changed: the web chat keeps its ShowCard.
        Assert.Contains(Actions(card), a => a["type"]!.GetValue<string>() == "Action.ShowCard");
    }

    [Fact]
    public void WithUniversalActions_OtherCards_Unchanged()
    {
        foreach (var (name, reply) in CardSamples.All().Where(s => s.Reply is not InterviewReply))
        {
            var card = CardJson.Renderer.AdaptiveCard(reply);

            Assert.True(JsonNode.DeepEquals(card, TeamsCardVariant.WithUniversalActions(reply, card)), name);
        }
    }

    [Fact]
    public void WithoutBotActions_EveryCard_OnlyTheLinkBackLeft()
    {
        foreach (var (name, card) in Variants().Where(v => v.Name.EndsWith("-inserted", StringComparison.Ordinal)))
        {
            var link = Assert.Single(Actions(card));
            Assert.Equal("Action.OpenUrl", link["type"]!.GetValue<string>());
            Assert.Equal(Link, link["url"]!.GetValue<string>());
            Assert.DoesNotContain("\"ActionSet\"", card.ToJsonString());
            Assert.True(card["body"] is JsonArray { Count: > 0 }, name);
        }
        Assert.All(Variants().Where(v => v.Name.EndsWith("-nolink", StringComparison.Ordinal)), v => Assert.Empty(Actions(v.Card)));
    }
}
