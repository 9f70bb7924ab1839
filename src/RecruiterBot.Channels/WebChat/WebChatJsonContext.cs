using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.WebChat;

/// <summary>Reads <see cref="WebChatRequest"/>; a deeper document than a card action needs is refused.</summary>
[JsonSourceGenerationOptions(MaxDepth = 32)]
[JsonSerializable(typeof(WebChatRequest))]
internal sealed partial class WebChatJsonContext : JsonSerializerContext;
