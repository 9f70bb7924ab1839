using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Teams;

/// <summary>The Teams wire JSON: camelCase names, nulls left out, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    // Clients differ on numbers ("skip": "0").
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    MaxDepth = 64)]
[JsonSerializable(typeof(TeamsActivity))]
[JsonSerializable(typeof(TeamsError))]
[JsonSerializable(typeof(TeamsReplyActivity))]
[JsonSerializable(typeof(TeamsBotTokenClient.TokenResponse))]
[JsonSerializable(typeof(TeamsCardActionInvoke))]
[JsonSerializable(typeof(TeamsCardActionResponse))]
[JsonSerializable(typeof(TeamsSearchQuery))]
[JsonSerializable(typeof(TeamsSearchResponse))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
