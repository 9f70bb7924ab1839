using System.Text.Json.Nodes;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards;

/// <summary>
/// A reply with its renderings: plain text, the Adaptive Card (Teams, web chat) and the Block Kit message (Slack).
/// The card and the Block Kit message are bound the first time they are read, so a channel pays only for the one it
/// sends; each comes as UTF-8 JSON (<see cref="CardJson"/>, <see cref="SlackJson"/>: written out as they are) and as a
/// <see cref="JsonObject"/> read from it when asked for (<see cref="Card"/>, <see cref="Slack"/>: for changing it).
/// </summary>
public sealed class RenderedReply
{
    private readonly Lazy<byte[]?> _cardJson;
    private readonly Lazy<byte[]?> _slackJson;
    private readonly Lazy<JsonObject?> _card;
    private readonly Lazy<JsonObject?> _slack;

    public RenderedReply(BotReply reply, string text, JsonObject? card, JsonObject? slack)
    {
        Reply = reply;
        Text = text;
        _card = new Lazy<JsonObject?>(card);
        _slack = new Lazy<JsonObject?>(slack);
        _cardJson = new Lazy<byte[]?>(() => Utf8(card));
        _slackJson = new Lazy<byte[]?>(() => Utf8(slack));
    }

    public RenderedReply(BotReply reply, string text, Func<byte[]?> cardJson, Func<byte[]?> slackJson)
    {
        Reply = reply;
        Text = text;
        _cardJson = new Lazy<byte[]?>(cardJson);
        _slackJson = new Lazy<byte[]?>(slackJson);
        _card = new Lazy<JsonObject?>(() => _cardJson.Value is { } json ? BoundJson.ToObject(json) : null);
        _slack = new Lazy<JsonObject?>(() => _slackJson.Value is { } json ? BoundJson.ToObject(json) : null);
    }

    public BotReply Reply { get; }

    public string Text { get; }

    public JsonObject? Card => _card.Value;

    public JsonObject? Slack => _slack.Value;

    /// <summary>The Adaptive Card as UTF-8 JSON.</summary>
    public byte[]? CardJson => _cardJson.Value;

    /// <summary>The Block Kit message as UTF-8 JSON.</summary>
    public byte[]? SlackJson => _slackJson.Value;

    private static byte[]? Utf8(JsonObject? json) => json is null ? null : BoundJson.ToUtf8(json);
}
