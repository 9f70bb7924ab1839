namespace RecruiterBot.Core.Knowledge;

/// <summary>One of the Quick Resume Reading Guide's four signals, with the guide's words for why it matters.</summary>
public sealed record ReadingSignal(string Id, string Title, string Why);
