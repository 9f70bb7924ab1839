using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Admin;

/// <summary>The one-line error body of the admin routes.</summary>
internal sealed record AdminError([property: JsonPropertyName("error")] string Error);
