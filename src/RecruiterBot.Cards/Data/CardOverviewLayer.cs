namespace RecruiterBot.Cards.Data;

/// <summary>A stack layer on the overview card.</summary>
public sealed record CardOverviewLayer(int Number, string Title, string Subtitle, string Technologies);
