namespace RecruiterBot.Cards.Data;

/// <summary>A skill mentioned but not counted: the words (user text) and why.</summary>
public sealed record CardNotCounted(string Evidence, string Reason);
