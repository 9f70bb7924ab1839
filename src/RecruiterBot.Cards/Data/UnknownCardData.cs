namespace RecruiterBot.Cards.Data;

/// <summary>Data of the unknown card (cards/*/unknown.json). <c>Message</c> may quote the user: templates put it in a
/// TextRun (Adaptive) and the Slack pass escapes it.</summary>
public sealed record UnknownCardData(string Summary, string Message, IReadOnlyList<CardButton> DidYouMean, IReadOnlyList<CardButton> Buttons);
