using System.Text.Json.Serialization;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Storage;

/// <summary>How conversation state is kept in the database: JSON, so a new field needs no migration.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationState))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
