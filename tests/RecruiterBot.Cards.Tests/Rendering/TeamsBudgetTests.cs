using System.Text;
using System.Text.Json.Nodes;
using RecruiterBot.Cards.Adaptive;
using RecruiterBot.Cards.Data;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards.Tests.Rendering;

/// <summary>The activity size is counted without building the activity: it must equal the serialized activity's length.</summary>
public sealed class TeamsBudgetTests
{
    public static IEnumerable<object[]> Cards() =>
        CardSamples.All().Select(s => new object[] { s.Name, CardJson.Renderer.AdaptiveCard(s.Reply) })
            .Append(["resume-huge untrimmed", CardJson.Templates.Bind("adaptive", CardData.For(new ResumeReply(CardSamples.HugeResume())))])
            .Append(["no fallback", Card("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"ü 😀 <b> & 'q' \"x\""}]}""")])
            .Append(["null fallback", Card("""{"type":"AdaptiveCard","fallbackText":null,"body":[]}""")])
            .Append(["object fallback", Card("""{"type":"AdaptiveCard","fallbackText":{"a":[1,"ü"]},"body":[]}""")])
            .Append(["number fallback", Card("""{"type":"AdaptiveCard","fallbackText":12.5,"body":[]}""")])
            .Append(["fallback after the body", Card("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"x"}],"fallbackText":"é <x>"}""")]);

    [Theory]
    [MemberData(nameof(Cards))]
    public void ActivityBytes_AnyCard_LengthOfTheSerializedActivity(string name, JsonObject card)
    {
        var serialized = Encoding.UTF8.GetByteCount(TeamsBudget.Activity(card).ToJsonString());

        Assert.True(serialized == TeamsBudget.ActivityBytes(card), name);
        // As the renderer counts it: the card as written by binding, with the default encoder.
        Assert.True(serialized == TeamsBudget.ActivityBytes(Encoding.UTF8.GetBytes(card.ToJsonString())), name);
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void FallbackText_AnyCard_TheCardsTopLevelFallbackTextString(string name, JsonObject card)
    {
        var expected = card["fallbackText"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

        Assert.True(expected == TeamsBudget.FallbackText(Encoding.UTF8.GetBytes(card.ToJsonString())), name);
    }

    /// <summary>The renderer counts the bytes binding wrote (data copied as written): they must be the card's JSON text.</summary>
    [Fact]
    public void Write_EveryCard_WritesWhatTheBoundCardSerializesTo()
    {
        foreach (var (name, reply) in CardSamples.All().Append(("resume-hostile", new ResumeReply(CardSamples.HostileResume()))))
        {
            var data = CardData.For(reply);
            var written = Encoding.UTF8.GetString(CardJson.Templates.Write("adaptive", data));

            Assert.True(CardJson.Templates.Bind("adaptive", data).ToJsonString() == written, name);
        }
    }

    private static JsonObject Card(string json) => JsonNode.Parse(json)!.AsObject();
}
