using System.Text.Json.Nodes;
using RecruiterBot.Cards.Adaptive;
using RecruiterBot.Cards.Data;
using RecruiterBot.Cards.PlainText;
using RecruiterBot.Cards.Slack;
using RecruiterBot.Cards.Templating;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards;

/// <summary>Renders a <see cref="BotReply"/> for every channel at once: plain text, the Adaptive Card (Teams, web chat)
/// and the Block Kit message (Slack), bound from the templates of a <c>cards/</c> folder.</summary>
public sealed class ReplyRenderer
{
    // The default folder is read once per process: new ReplyRenderer() is cheap.
    private static readonly Lazy<CardTemplates> DefaultTemplates = new(() => CardTemplates.Load(CardTemplates.DefaultFolder));

    private readonly CardTemplates _templates;

    /// <summary>Uses the templates copied next to the binaries (<see cref="CardTemplates.DefaultFolder"/>).</summary>
    public ReplyRenderer() : this(DefaultTemplates.Value) { }

    /// <summary>Loads and checks the templates of <paramref name="cardsFolder"/>; throws <see cref="TemplateException"/> listing every problem.</summary>
    public ReplyRenderer(string cardsFolder) : this(CardTemplates.Load(cardsFolder)) { }

    public ReplyRenderer(CardTemplates templates) => _templates = templates;

    /// <summary>The reply for every channel; the card and the Block Kit message are bound when first read, from card data
    /// built once for both (the web chat envelope reads both).</summary>
    public RenderedReply Render(BotReply reply)
    {
        var data = new Lazy<BoundData>(() => CardData.For(reply));
        return new(reply, PlainTextRenderer.Render(reply), () => AdaptiveCardJson(reply, data), () => SlackMessageJson(data.Value));
    }

    /// <summary>The Adaptive Card, within <see cref="TeamsBudget"/>: a resume read too big for it shows less detail.</summary>
    public JsonObject AdaptiveCard(BotReply reply) => CardTemplates.ToObject(AdaptiveCardJson(reply), CardTemplates.Adaptive, reply.Intent);

    /// <summary><see cref="AdaptiveCard"/> as UTF-8 JSON, the form it is bound and measured in: what a sender writes as it is.</summary>
    public byte[] AdaptiveCardJson(BotReply reply) => AdaptiveCardJson(reply, untrimmed: null);

    // The untrimmed data may be shared with the Block Kit message; the tighter resume levels are built only when needed.
    private byte[] AdaptiveCardJson(BotReply reply, Lazy<BoundData>? untrimmed)
    {
        IReadOnlyList<ResumeTrim> levels = reply is ResumeReply ? ResumeTrim.Levels : [ResumeTrim.None];
        for (var i = 0; ; i++)
        {
            var data = i == 0 && untrimmed is not null ? untrimmed.Value : CardData.For(reply, levels[i]);
            var json = _templates.Write(CardTemplates.Adaptive, data);
            if (TeamsBudget.ActivityBytes(json) <= TeamsBudget.MaxActivityBytes) return json.ToArray();
            if (i == levels.Count - 1) return BoundJson.ToUtf8(TooBig(CardTemplates.ToObject(json, CardTemplates.Adaptive, reply.Intent)));
        }
    }

    /// <summary>The Block Kit message <c>{text, blocks}</c> as chat.postMessage takes it, escaped and within Slack's limits.</summary>
    public JsonObject SlackMessage(BotReply reply) => BoundJson.ToObject(SlackMessageJson(reply))!;

    /// <summary><see cref="SlackMessage"/> as UTF-8 JSON.</summary>
    public byte[] SlackMessageJson(BotReply reply) => SlackMessageJson(CardData.For(reply));

    private byte[] SlackMessageJson(BoundData data) => SlackLimits.ApplyToJson(_templates.Write(CardTemplates.Slack, data));

    // Never expected with the trim levels; a last resort so that an oversized card is never sent.
    private static JsonObject TooBig(JsonObject card) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = card["$schema"]?.DeepClone(),
        ["version"] = "1.5",
        ["fallbackText"] = card["fallbackText"]?.DeepClone(),
        ["body"] = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = card["fallbackText"]?.DeepClone() ?? "RecruiterBot", ["wrap"] = true, ["weight"] = "Bolder" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = "This answer is too long for a card; ask again with a shorter snippet.", ["wrap"] = true }),
    };
}
