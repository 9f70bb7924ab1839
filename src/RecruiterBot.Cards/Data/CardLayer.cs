namespace RecruiterBot.Cards.Data;

/// <summary>A stack layer on the resume card, covered or not, with the skills that cover it.</summary>
public sealed record CardLayer(string Title, bool Covered, string Skills);
