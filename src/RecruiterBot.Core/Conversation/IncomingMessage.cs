namespace RecruiterBot.Core.Conversation;

/// <summary>
/// A chat message as every channel hands it to the core: the text with the channel's mentions and markup still in it
/// (the matcher cleans them), a card button's data when a button was pressed, and whether a file came instead of text.
/// </summary>
public sealed record IncomingMessage
{
    public string Text { get; init; } = "";

    /// <summary>The card button that was pressed, if any; it wins over <see cref="Text"/>.</summary>
    public CardAction? Action { get; init; }

    /// <summary>A file (a PDF or Word resume) was shared instead of pasted text.</summary>
    public bool HasFile { get; init; }

    public static IncomingMessage FromText(string? text) => new() { Text = text ?? "" };
}
