using System.Text.Json.Nodes;

namespace RecruiterBot.Cards.Data;

/// <summary>The data a card template is bound to, for one reply: which template (<see cref="Kind"/>) and the JSON object.</summary>
public sealed record BoundData(string Kind, JsonObject Json);

