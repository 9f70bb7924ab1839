using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Teams;

/// <summary>The one-line body of every refusal: <c>{"error": "..."}</c>.</summary>
public sealed record TeamsError([property: JsonPropertyName("error")] string Error);
