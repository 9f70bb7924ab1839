namespace RecruiterBot.Cards.Data;

/// <summary>A card button: its label, the action data (one shape for every channel, see cards/README.md), and for Slack
/// the same data as a JSON string (<c>value</c>) and a per-message id (<c>actionId</c>).</summary>
public sealed record CardButton(string Title, IReadOnlyDictionary<string, string> Data, string Value, string ActionId);
