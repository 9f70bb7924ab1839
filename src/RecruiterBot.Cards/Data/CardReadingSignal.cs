namespace RecruiterBot.Cards.Data;

/// <summary>A reading-guide signal on the overview card.</summary>
public sealed record CardReadingSignal(string Title, string Why);
