using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Teams;

/// <summary>The Teams wire JSON: camelCase names, nulls left out, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    MaxDepth = 64)]
[JsonSerializable(typeof(TeamsActivity))]
[JsonSerializable(typeof(TeamsError))]
[JsonSerializable(typeof(TeamsReplyActivity))]
[JsonSerializable(typeof(TeamsBotTokenClient.TokenResponse))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
