using System.Text.Json;
using System.Text.Json.Nodes;
using RecruiterBot.Cards.Slack;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards.Tests.Slack;

/// <summary>Slack messages within Block Kit's limits, with user text escaped.</summary>
public sealed class SlackMessageTests
{
    public static IEnumerable<object[]> Messages() =>
        CardSamples.All().Select(s => new object[] { s.Name, s.Reply })
            .Append(["resume-huge", new ResumeReply(CardSamples.HugeResume())]);

    [Theory]
    [MemberData(nameof(Messages))]
    public void SlackMessage_AnyReply_WithinBlockKitLimits(string name, BotReply reply)
    {
        var message = CardJson.Renderer.SlackMessage(reply);

        Assert.False(string.IsNullOrWhiteSpace(message["text"]!.GetValue<string>()), name);
        var blocks = message["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 1, SlackLimits.MaxBlocks);
        var actionIds = new List<string>();
        foreach (var block in blocks.Select(b => b!.AsObject()))
        {
            var type = block["type"]!.GetValue<string>();
            switch (type)
            {
                case "header":
                    Assert.Equal("plain_text", block["text"]!["type"]!.GetValue<string>());
                    Assert.InRange(block["text"]!["text"]!.GetValue<string>().Length, 1, SlackLimits.MaxHeaderText);
                    break;
                case "section":
                    if (block["text"] is { } text) Assert.InRange(text["text"]!.GetValue<string>().Length, 1, SlackLimits.MaxSectionText);
                    if (block["fields"] is JsonArray fields)
                    {
                        Assert.InRange(fields.Count, 1, SlackLimits.MaxFields);
                        Assert.All(fields, f => Assert.InRange(f!["text"]!.GetValue<string>().Length, 1, SlackLimits.MaxFieldText));
                    }
                    Assert.True(block["text"] is not null || block["fields"] is not null, $"{name}: empty section");
                    if (block["accessory"] is JsonObject accessory) actionIds.Add(Button(accessory));
                    break;
                case "context":
                    Assert.InRange(block["elements"]!.AsArray().Count, 1, SlackLimits.MaxContextElements);
                    break;
                case "actions":
                    var elements = block["elements"]!.AsArray();
                    Assert.InRange(elements.Count, 1, SlackLimits.MaxActionElements);
                    actionIds.AddRange(elements.Select(e => Button(e!.AsObject())));
                    break;
                default:
                    Assert.Fail($"{name}: unexpected block type {type}");
                    break;
            }
        }
        Assert.Equal(actionIds.Count, actionIds.Distinct(StringComparer.Ordinal).Count());
        // Every binding resolved (edge data that itself contains "${" is left out of this check).
        if (!CardJson.Data(reply).Json.GetRawText().Contains("${", StringComparison.Ordinal)) Assert.DoesNotContain("${", message.ToJsonString(), StringComparison.Ordinal);
    }

    private static string Button(JsonObject button)
    {
        Assert.Equal("button", button["type"]!.GetValue<string>());
        Assert.InRange(button["text"]!["text"]!.GetValue<string>().Length, 1, SlackLimits.MaxButtonText);
        // The value is the action data, the same shape as an Adaptive Card's Action.Submit data.
        var action = CardAction.FromJson(JsonDocument.Parse(button["value"]!.GetValue<string>()).RootElement);
        Assert.NotNull(action);
        var id = button["action_id"]!.GetValue<string>();
        Assert.InRange(id.Length, 1, SlackLimits.MaxActionId);
        return id;
    }

    [Fact]
    public void UserText_Escaped_NeverPingsOrLinks()
    {
        foreach (var reply in (BotReply[])[new UnknownReply(CardSamples.Hostile, null, []), new ResumeReply(CardSamples.HostileResume())])
        {
            var json = CardJson.Renderer.SlackMessage(reply);
            var texts = CardJson.Strings(json).Select(s => s.Text).ToList();
            Assert.Contains(texts, t => t.Contains("&lt;!channel&gt;", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains("&lt;@U123&gt;", StringComparison.Ordinal));
            Assert.DoesNotContain(texts, t => t.Contains("<!channel>", StringComparison.Ordinal) || t.Contains("<@U123>", StringComparison.Ordinal)
                || t.Contains("<https://", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains("&amp; 'single'", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Apply_OverLimits_CutsCleanly()
    {
        var longWords = string.Join(' ', Enumerable.Repeat("word", 2000));
        var message = new JsonObject
        {
            ["text"] = "",
            ["blocks"] = new JsonArray([
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = longWords } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = longWords.Replace("word", "a&b", StringComparison.Ordinal) } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "" } },
                new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([
                    Btn(longWords, "same"), Btn("two", "same"), Btn("three", "same")]) },
                .. Enumerable.Range(0, 60).Select(i => (JsonNode)new JsonObject { ["type"] = "divider" }),
            ]),
        };

        var result = SlackLimits.Apply(message);

        Assert.Equal(SlackLimits.DefaultFallback, result["text"]!.GetValue<string>());
        var blocks = result["blocks"]!.AsArray();
        Assert.Equal(SlackLimits.MaxBlocks, blocks.Count);
        var header = blocks[0]!["text"]!["text"]!.GetValue<string>();
        Assert.True(header.Length <= SlackLimits.MaxHeaderText && header.EndsWith("word…", StringComparison.Ordinal), header);
        var section = blocks[1]!["text"]!["text"]!.GetValue<string>();
        Assert.True(section.Length <= SlackLimits.MaxSectionText && section.EndsWith("a&amp;b…", StringComparison.Ordinal), section[^20..]);
        Assert.Equal("actions", blocks[2]!["type"]!.GetValue<string>());
        var ids = blocks[2]!["elements"]!.AsArray().Select(e => e!["action_id"]!.GetValue<string>()).ToList();
        Assert.Equal(["same", "same-2", "same-3"], ids);
        Assert.True(blocks[2]!["elements"]![0]!["text"]!["text"]!.GetValue<string>().Length <= SlackLimits.MaxButtonText);
        Assert.Equal("context", blocks[^1]!["type"]!.GetValue<string>());

        static JsonObject Btn(string text, string id) => new()
        {
            ["type"] = "button", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = text }, ["value"] = "{\"action\":\"help\"}", ["action_id"] = id,
        };
    }

    [Fact]
    public void Apply_DroppedPartsAndOddShapes_KeepsWhatSlackAccepts()
    {
        var message = JsonNode.Parse("""
            {"text":"a <b>","blocks":[
              {"type":"section","accessory":{"type":"image","image_url":"x"}},
              {"type":"section","text":{"type":"mrkdwn","text":"  "},"accessory":{"type":"button","text":{"type":"plain_text","text":"Go"},"action_id":"go"}},
              {"type":"section","fields":"odd","text":"not an object","accessory":{"type":"image","image_url":"x"}},
              {"type":"section","text":{"type":"plain_text","text":"<keep>"},"fields":[{"type":"mrkdwn","text":""}],"accessory":{"type":"button","text":{"type":"plain_text","text":""},"action_id":"x"}},
              {"type":"context","elements":[{"type":"image","image_url":"x","alt_text":"a"},{"type":"mrkdwn","text":"a&b"}]},
              {"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Go"},"action_id":"go"},{"type":"button","text":{"type":"plain_text","text":"No id"}},"not an object",{"type":"datepicker","action_id":"d"}]},
              "not a block",
              {"type":"divider"}
            ]}
            """)!.AsObject();

        var result = SlackLimits.Apply(message);

        // The dropped section's button still took "go" (its image took nothing); a button without an id gets one at the end.
        var expected = JsonNode.Parse("""
            {"text":"a &lt;b&gt;","blocks":[
              {"type":"section","fields":"odd","accessory":{"type":"image","image_url":"x"}},
              {"type":"section","text":{"type":"plain_text","text":"<keep>"}},
              {"type":"context","elements":[{"type":"mrkdwn","text":"a&amp;b"}]},
              {"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Go"},"action_id":"go-2"},{"type":"button","text":{"type":"plain_text","text":"No id"},"action_id":"button"},{"type":"datepicker","action_id":"d"}]},
              {"type":"divider"}
            ]}
            """);
        Assert.Equal(CardJson.Canonical(expected), CardJson.Canonical(result));
    }
}
