using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Slack;

/// <summary>The body of <c>views.publish</c>: the App Home tab of one user.</summary>
/// <remarks>https://api.slack.com/methods/views.publish</remarks>
public sealed record SlackViewPublish
{
    [JsonPropertyName("user_id")] public required string UserId { get; init; }
    [JsonPropertyName("view")] public required JsonObject View { get; init; }
}
