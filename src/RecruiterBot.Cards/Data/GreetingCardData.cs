namespace RecruiterBot.Cards.Data;

/// <summary>Data of the greeting card (cards/*/greeting.json).</summary>
public sealed record GreetingCardData(string Summary, string Title, string Text, IReadOnlyList<CardButton> Buttons);
