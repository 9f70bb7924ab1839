namespace RecruiterBot.Cards.Data;

/// <summary>A reading-guide signal on the resume card, met or not.</summary>
public sealed record CardSignal(string Title, bool Met, string Why);
