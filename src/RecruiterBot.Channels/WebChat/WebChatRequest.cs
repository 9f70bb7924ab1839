using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.WebChat;

/// <summary>
/// The body of <c>POST /api/chat</c>: <c>{"text", "conversation"?, "value"?, "requestId"?}</c>. <c>value</c> is a card
/// button's data; <c>requestId</c> makes a retry safe (the same answer again, the conversation does not move on).
/// Unknown fields are ignored.
/// </summary>
public sealed record WebChatRequest(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("conversation")] string? Conversation,
    [property: JsonPropertyName("value")] JsonElement? Value,
    [property: JsonPropertyName("requestId")] string? RequestId);
