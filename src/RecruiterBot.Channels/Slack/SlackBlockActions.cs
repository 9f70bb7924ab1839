using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Slack;

/// <summary>The <c>payload</c> of an interaction request; the bot handles <c>block_actions</c> (a button was pressed).</summary>
/// <remarks>https://api.slack.com/reference/interaction-payloads/block-actions</remarks>
public sealed record SlackBlockActions
{
    public const string BlockActionsType = "block_actions";

    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("team")] public IdRef? Team { get; init; }
    [JsonPropertyName("user")] public IdRef? User { get; init; }
    [JsonPropertyName("channel")] public IdRef? Channel { get; init; }
    [JsonPropertyName("container")] public ActionContainer? Container { get; init; }
    [JsonPropertyName("message")] public ActionMessage? Message { get; init; }
    [JsonPropertyName("response_url")] public string? ResponseUrl { get; init; }
    [JsonPropertyName("trigger_id")] public string? TriggerId { get; init; }
    [JsonPropertyName("actions")] public IReadOnlyList<PressedAction>? Actions { get; init; }
    // Fields the bot does not model; settable because System.Text.Json fills extension data after construction.
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    public sealed record IdRef
    {
        [JsonPropertyName("id")] public string? Id { get; init; }
        [JsonPropertyName("team_id")] public string? TeamId { get; init; }
    }

    /// <summary>Where the button was: a <c>message</c> (with its channel and ts) or a <c>view</c> (App Home).</summary>
    public sealed record ActionContainer
    {
        [JsonPropertyName("type")] public string? Type { get; init; }
        [JsonPropertyName("message_ts")] public string? MessageTs { get; init; }
        [JsonPropertyName("channel_id")] public string? ChannelId { get; init; }
        [JsonPropertyName("thread_ts")] public string? ThreadTs { get; init; }
        [JsonPropertyName("is_ephemeral")] public bool IsEphemeral { get; init; }
    }

    public sealed record ActionMessage
    {
        [JsonPropertyName("thread_ts")] public string? ThreadTs { get; init; }
    }

    public sealed record PressedAction
    {
        [JsonPropertyName("action_id")] public string? ActionId { get; init; }
        [JsonPropertyName("value")] public string? Value { get; init; }
    }
}
