namespace RecruiterBot.Cards.Data;

/// <summary>Data of the help card (cards/*/help.json); <c>Categories</c> is empty except for general help.</summary>
public sealed record HelpCardData(string Summary, string Title, string Text, IReadOnlyList<string> Examples, string Categories,
    IReadOnlyList<CardButton> Buttons);
