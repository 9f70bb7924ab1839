using System.Text;
using System.Text.Json.Nodes;
using RecruiterBot.Cards.Data;
using RecruiterBot.Cards.Slack;
using RecruiterBot.Cards.Templating;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards.Tests.Slack;

/// <summary>The forward check that lets a bound Block Kit message be copied whole: it says "already safe" only when the
/// full rewrite gives the message back byte for byte.</summary>
public sealed class SlackAlreadySafeTests
{
    private static IEnumerable<(string Name, byte[] Bound)> BoundMessages() =>
        CardSamples.All().Append((Name: "resume-huge", Reply: (BotReply)new ResumeReply(CardSamples.HugeResume())))
            .Select(s => (s.Name, CardJson.Templates.Write(CardTemplates.Slack, CardData.For(s.Reply)).ToArray()));

    [Fact]
    public void ApplyToJson_EveryBoundMessage_SameAsTheRewrite()
    {
        foreach (var (name, bound) in BoundMessages())
        {
            var rewritten = SlackLimits.Rewrite(bound);
            if (SlackLimits.IsAlreadySafe(bound)) Assert.True(rewritten.AsSpan().SequenceEqual(bound), $"{name}: called safe, but the rewrite changed it");
            Assert.True(SlackLimits.ApplyToJson(bound).AsSpan().SequenceEqual(rewritten), name);
        }
    }

    [Fact]
    public void IsAlreadySafe_RealisticReplies_CopiedWhole()
    {
        foreach (var (kind, reply) in CardSamples.Realistic)
            Assert.True(SlackLimits.IsAlreadySafe(CardJson.Templates.Write(CardTemplates.Slack, CardData.For(reply))), kind);
    }

    [Fact]
    public void IsAlreadySafe_NeedsARewrite_WhenAnyRuleChangesIt()
    {
        var safe = Message();
        Assert.True(SlackLimits.IsAlreadySafe(Utf8(safe)), safe.ToJsonString());
        Assert.True(SlackLimits.Rewrite(Utf8(safe)).AsSpan().SequenceEqual(Utf8(safe)));

        foreach (var (what, change) in Changes())
        {
            var message = Message();
            change(message);
            var json = Utf8(message);
            Assert.False(SlackLimits.IsAlreadySafe(json), what);
            Assert.True(SlackLimits.ApplyToJson(json).AsSpan().SequenceEqual(SlackLimits.Rewrite(json)), what);
        }
    }

    [Fact]
    public void IsAlreadySafe_SafeVariants_SameAsTheRewrite()
    {
        foreach (var (what, change) in SafeChanges())
        {
            var message = Message();
            change(message);
            var json = Utf8(message);
            Assert.True(SlackLimits.IsAlreadySafe(json), what);
            Assert.True(SlackLimits.Rewrite(json).AsSpan().SequenceEqual(json), what);
        }
    }

    // Every block kind and element the rules look at, all within limits.
    private static JsonObject Message() => JsonNode.Parse("""
        {"text":"Fallback “quoted” 😀","blocks":[
          {"type":"header","text":{"type":"plain_text","text":"Title & more","emoji":true}},
          {"type":"section","text":{"type":"mrkdwn","text":"*bold*\nline"},"fields":[{"type":"mrkdwn","text":"a"},{"type":"plain_text","text":"<b>"}],
           "accessory":{"type":"button","text":{"type":"plain_text","text":"Go"},"value":"{\"action\":\"help\"}","action_id":"define:skill:redis"}},
          {"type":"context","elements":[{"type":"mrkdwn","text":"• note"}]},
          {"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"One"},"action_id":"a-1"},{"type":"datepicker","action_id":"d"}]},
          {"type":"divider"}
        ]}
        """)!.AsObject();

    private static byte[] Utf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static JsonObject Block(JsonObject m, int i) => m["blocks"]![i]!.AsObject();

    private static JsonArray Blocks(JsonObject m) => m["blocks"]!.AsArray();

    private static JsonObject Button() => new()
    {
        ["type"] = "button", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "B" }, ["action_id"] = "b",
    };

    private static IEnumerable<(string What, Action<JsonObject> Change)> Changes() =>
    [
        ("fallback to escape", m => m["text"] = "a & b"),
        ("fallback blank", m => m["text"] = " \n "),
        ("fallback not a string", m => m["text"] = 3),
        ("fallback missing", m => m.Remove("text")),
        ("blocks first", m => { var b = m["blocks"]; m.Remove("blocks"); m.Insert(0, "blocks", b); }),
        ("another property", m => m["channel"] = "C1"),
        ("too many blocks", m => { for (var i = 0; i < SlackLimits.MaxBlocks; i++) Blocks(m).Add(new JsonObject { ["type"] = "divider" }); }),
        ("a block not an object", m => Blocks(m).Add("odd")),
        ("a block without type", m => Blocks(m).Add(new JsonObject { ["text"] = "x" })),
        ("type not first", m => Blocks(m).Add(new JsonObject { ["block_id"] = "x", ["type"] = "divider" })),
        ("type twice", m => Blocks(m).Add(JsonNode.Parse("""{"type":"divider","type":"section"}""")!)),
        ("header too long", m => Block(m, 0)["text"]!["text"] = new string('x', SlackLimits.MaxHeaderText + 1)),
        ("header blank", m => Block(m, 0)["text"]!["text"] = "  "),
        ("header without text", m => Block(m, 0).Remove("text")),
        ("mrkdwn to escape", m => Block(m, 1)["text"]!["text"] = "a <b>"),
        ("mrkdwn to escape, type after text", m => Block(m, 1)["text"] = JsonNode.Parse("""{"text":"a & b","type":"mrkdwn"}""")),
        ("section text too long", m => Block(m, 1)["text"]!["text"] = new string('x', SlackLimits.MaxSectionText + 1)),
        ("section text blank", m => Block(m, 1)["text"]!["text"] = ""),
        ("section text not an object", m => Block(m, 1)["text"] = "x"),
        ("section without text or fields", m => { Block(m, 1).Remove("text"); Block(m, 1).Remove("fields"); }),
        ("a field blank", m => Block(m, 1)["fields"]!.AsArray().Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = "" })),
        ("a field to escape", m => Block(m, 1)["fields"]!.AsArray().Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = "&" })),
        ("a field too long", m => Block(m, 1)["fields"]!.AsArray().Add(new JsonObject { ["type"] = "plain_text", ["text"] = new string('x', SlackLimits.MaxFieldText + 1) })),
        ("too many fields", m => { for (var i = 0; i < SlackLimits.MaxFields; i++) Block(m, 1)["fields"]!.AsArray().Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = "f" }); }),
        ("no fields in the list", m => Block(m, 1)["fields"] = new JsonArray()),
        ("accessory button blank", m => Block(m, 1)["accessory"]!["text"]!["text"] = ""),
        ("accessory button text too long", m => Block(m, 1)["accessory"]!["text"]!["text"] = new string('x', SlackLimits.MaxButtonText + 1)),
        ("accessory button without id", m => Block(m, 1)["accessory"]!.AsObject().Remove("action_id")),
        ("accessory button empty id", m => Block(m, 1)["accessory"]!["action_id"] = ""),
        ("accessory button id too long", m => Block(m, 1)["accessory"]!["action_id"] = new string('x', SlackLimits.MaxActionId)),
        ("accessory button id escaped", m => Block(m, 1)["accessory"]!["action_id"] = "a+b"),
        ("button type not first", m => Block(m, 1)["accessory"] = JsonNode.Parse("""{"text":{"type":"plain_text","text":"Go"},"type":"button","action_id":"x"}""")),
        ("context element not text", m => Block(m, 2)["elements"]!.AsArray().Add(new JsonObject { ["type"] = "image", ["image_url"] = "x", ["alt_text"] = "a" })),
        ("context element to escape", m => Block(m, 2)["elements"]![0]!["text"] = "<!channel>"),
        ("too many context elements", m => { for (var i = 0; i < SlackLimits.MaxContextElements; i++) Block(m, 2)["elements"]!.AsArray().Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = "e" }); }),
        ("context without elements", m => Block(m, 2)["elements"] = new JsonArray()),
        ("context elements not a list", m => Block(m, 2)["elements"] = "x"),
        ("same action id twice", m => Block(m, 3)["elements"]!.AsArray().Add(Button().Also(b => b["action_id"] = "a-1"))),
        ("same id as the accessory", m => Block(m, 3)["elements"]!.AsArray().Add(Button().Also(b => b["action_id"] = "define:skill:redis"))),
        ("action element not an object", m => Block(m, 3)["elements"]!.AsArray().Add("x")),
        ("too many action elements", m => { for (var i = 0; i < SlackLimits.MaxActionElements; i++) Block(m, 3)["elements"]!.AsArray().Add(Button().Also(b => b["action_id"] = $"n{i}")); }),
        ("actions without elements", m => Block(m, 3).Remove("elements")),
    ];

    private static IEnumerable<(string What, Action<JsonObject> Change)> SafeChanges() =>
    [
        ("plain text keeps & < >", m => Block(m, 1)["fields"]![1]!["text"] = "a & <b> > c"),
        ("type after text", m => Block(m, 1)["text"] = JsonNode.Parse("""{"text":"plain","type":"mrkdwn"}""")),
        ("texts at the limits", m =>
        {
            Block(m, 0)["text"]!["text"] = new string('x', SlackLimits.MaxHeaderText);
            Block(m, 1)["text"]!["text"] = new string('x', SlackLimits.MaxSectionText);
            Block(m, 1)["accessory"]!["text"]!["text"] = new string('x', SlackLimits.MaxButtonText);
        }),
        ("as many blocks as allowed", m => { while (Blocks(m).Count < SlackLimits.MaxBlocks) Blocks(m).Add(new JsonObject { ["type"] = "divider" }); }),
        ("as many fields as allowed", m => { while (Block(m, 1)["fields"]!.AsArray().Count < SlackLimits.MaxFields) Block(m, 1)["fields"]!.AsArray().Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = "f" }); }),
        ("fields only", m => Block(m, 1).Remove("text")),
        ("non-ASCII only text", m => Block(m, 2)["elements"]![0]!["text"] = "ü"),
        ("unknown block kept", m => Blocks(m).Add(new JsonObject { ["type"] = "image", ["image_url"] = "x", ["alt_text"] = "<a>" })),
    ];
}

internal static class JsonObjectChanges
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}
