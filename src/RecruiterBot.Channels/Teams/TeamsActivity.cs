using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Teams;

/// <summary>An activity Teams sends to <c>POST /api/messages</c>: only the fields the bot reads; the rest is kept unread.</summary>
/// <remarks>https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object</remarks>
public sealed record TeamsActivity
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("channelId")] public string? ChannelId { get; init; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; init; }
    [JsonPropertyName("from")] public Account? From { get; init; }
    [JsonPropertyName("recipient")] public Account? Recipient { get; init; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    /// <summary>The invoke's name (<c>adaptiveCard/action</c>, <c>composeExtension/query</c>, ...).</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("value")] public JsonElement? Value { get; init; }
    [JsonPropertyName("action")] public string? Action { get; init; }
    [JsonPropertyName("attachments")] public IReadOnlyList<Attachment>? Attachments { get; init; }
    [JsonPropertyName("entities")] public IReadOnlyList<Entity>? Entities { get; init; }
    [JsonPropertyName("membersAdded")] public IReadOnlyList<Account>? MembersAdded { get; init; }
    [JsonPropertyName("channelData")] public TeamsChannelData? ChannelData { get; init; }

    // Settable: System.Text.Json cannot bind extension data through init-only setters.
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unread { get; set; }

    /// <summary>The tenant the activity comes from: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    public string? TenantId => ChannelData?.Tenant?.Id ?? Conversation?.TenantId;

    public sealed record Account
    {
        [JsonPropertyName("id")] public string? Id { get; init; }
        [JsonPropertyName("name")] public string? Name { get; init; }
    }

    public sealed record ConversationAccount
    {
        [JsonPropertyName("id")] public string? Id { get; init; }
        [JsonPropertyName("conversationType")] public string? ConversationType { get; init; }
        [JsonPropertyName("tenantId")] public string? TenantId { get; init; }
    }

    public sealed record Attachment
    {
        [JsonPropertyName("contentType")] public string? ContentType { get; init; }
    }

    /// <summary>An entity; the bot reads mentions (<c>type: "mention"</c>).</summary>
    public sealed record Entity
    {
        [JsonPropertyName("type")] public string? Type { get; init; }
        [JsonPropertyName("mentioned")] public Account? Mentioned { get; init; }
        [JsonPropertyName("text")] public string? Text { get; init; }
    /// <summary>The invoke's name (<c>adaptiveCard/action</c>, <c>composeExtension/query</c>, ...).</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    }

    public sealed record TeamsChannelData
    {
        [JsonPropertyName("tenant")] public TenantInfo? Tenant { get; init; }
    }

    public sealed record TenantInfo
    {
        [JsonPropertyName("id")] public string? Id { get; init; }
    }
}
