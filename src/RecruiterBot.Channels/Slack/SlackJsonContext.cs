using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Slack;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    MaxDepth = 64)]
[JsonSerializable(typeof(SlackEventEnvelope))]
[JsonSerializable(typeof(SlackBlockActions))]
[JsonSerializable(typeof(SlackPostMessage))]
[JsonSerializable(typeof(SlackCommandResponse))]
[JsonSerializable(typeof(SlackViewPublish))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
