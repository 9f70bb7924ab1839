using System.Text.Json;

namespace RecruiterBot.Cards.Data;

/// <summary>The data a card template is bound to, for one reply: which template (<see cref="Kind"/>) and the JSON
/// object, read in place by the binding.</summary>
public sealed record BoundData(string Kind, JsonElement Json);
