namespace RecruiterBot.Cards.Data;

/// <summary>Data of the overview card (cards/*/overview.json).</summary>
public sealed record OverviewCardData(string Summary, string FullStackMeaning, IReadOnlyList<CardOverviewLayer> Layers,
    IReadOnlyList<CardReadingSignal> Signals, IReadOnlyList<CardButton> Buttons);
