using System.Text.Json.Nodes;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards;

/// <summary>
/// A reply with its renderings: plain text, the Adaptive Card (Teams, web chat) and the Block Kit message (Slack).
/// The card and the Block Kit message are bound the first time they are read, so a channel pays only for the one it sends.
/// </summary>
public sealed class RenderedReply
{
    private readonly Lazy<JsonObject?> _card;
    private readonly Lazy<JsonObject?> _slack;

    public RenderedReply(BotReply reply, string text, JsonObject? card, JsonObject? slack)
        : this(reply, text, () => card, () => slack) { }

    public RenderedReply(BotReply reply, string text, Func<JsonObject?> card, Func<JsonObject?> slack)
    {
        Reply = reply;
        Text = text;
        _card = new Lazy<JsonObject?>(card);
        _slack = new Lazy<JsonObject?>(slack);
    }

    public BotReply Reply { get; }

    public string Text { get; }

    public JsonObject? Card => _card.Value;

    public JsonObject? Slack => _slack.Value;
}
