using System.Text.Json;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Channels.Teams;

/// <summary>Turns a Teams activity into what the core reads: the message, the conversation key, whether to welcome.</summary>
internal static class TeamsMessageReader
{
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    // What a shared resume arrives as. text/html is NOT a file: Teams sends it as the rich-text copy of the message.
    private static readonly HashSet<string> FileContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        FileDownloadInfo,
        "application/pdf",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
        "application/rtf",
        "text/plain",
    };

    public static IncomingMessage ToIncomingMessage(TeamsActivity activity)
    {
        CardAction? action = null;
        if (activity.Value is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value)
            // A button whose data we cannot read still gets an answer (help), never an error.
            action = CardAction.FromJson(value) ?? new CardAction("unknown");
        return new IncomingMessage
        {
            Text = TextWithoutBotMention(activity),
            Action = action,
            HasFile = activity.Attachments?.Any(a => a.ContentType is { } type && FileContentTypes.Contains(type)) == true,
        };
    }

    /// <summary>The text with the bot's own mentions removed (the mention entities whose <c>mentioned.id</c> is the
    /// recipient); other people's mentions stay.</summary>
    public static string TextWithoutBotMention(TeamsActivity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        if (botId is null || activity.Entities is null) return text.Trim();
        foreach (var entity in activity.Entities)
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Mentioned?.Id != botId) continue;
            var mention = entity.Text ?? (entity.Mentioned.Name is { } name ? $"<at>{name}</at>" : null);
            if (!string.IsNullOrEmpty(mention)) text = text.Replace(mention, " ", StringComparison.OrdinalIgnoreCase);
        }
        return text.Trim();
    }

    /// <summary>The conversation without the channel thread (<c>;messageid=...</c>).</summary>
    public static string ConversationWithoutThread(string conversationId)
    {
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }

    /// <summary>The state key: the conversation, and the person in group chats and channels, where each recruiter
    /// has their own thread of questions.</summary>
    public static string ConversationKey(TeamsActivity activity)
    {
        var conversation = ConversationWithoutThread(activity.Conversation!.Id!);
        var shared = activity.Conversation.ConversationType is "groupChat" or "channel";
        return "msteams:" + conversation + (shared ? "|" + activity.From?.Id : "");
    }

    /// <summary><c>conversationUpdate</c> adding the bot, or <c>installationUpdate</c> with <c>action</c> add (or
    /// add-upgrade).</summary>
    public static bool WelcomesBot(TeamsActivity activity) => activity.Type switch
    {
        "conversationUpdate" => activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true,
        "installationUpdate" => activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true,
        _ => false,
    };
}
