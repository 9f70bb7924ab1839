using System.Text.Json.Nodes;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards;

/// <summary>A reply with its renderings: plain text, the Adaptive Card (Teams, web chat) and the Block Kit message (Slack).</summary>
public sealed record RenderedReply(BotReply Reply, string Text, JsonObject? Card, JsonObject? Slack);
