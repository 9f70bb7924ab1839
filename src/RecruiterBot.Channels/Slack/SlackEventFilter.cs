namespace RecruiterBot.Channels.Slack;

/// <summary>Which events the bot answers, decided before the ack without any I/O.</summary>
/// <remarks>Loop prevention as in Bolt's ignoreSelf: https://github.com/slackapi/bolt-js/blob/main/src/middleware/builtin.ts</remarks>
internal static class SlackEventFilter
{
    /// <summary>Null when the event is answered, otherwise why not.</summary>
    public static string? WhyIgnored(SlackEvent ev)
    {
        if (string.IsNullOrEmpty(ev.User)) return "no user";
        if (ev.Type == SlackEvent.AppHomeOpened) return ev.Tab is null or "home" ? null : "not the home tab";
        if (ev.Type is not (SlackEvent.AppMention or SlackEvent.Message)) return "not an event the bot answers";
        if (string.IsNullOrEmpty(ev.Channel)) return "no channel";
        // Bots (this one included) never get an answer, so two bots cannot talk to each other forever.
        if (ev.BotId is not null || ev.AppId is not null) return "sent by a bot";
        // Edits, deletes, joins… carry a subtype; a file a person shared gets a note on pasting text instead.
        if (ev.Subtype is not (null or SlackEvent.FileShare)) return "message subtype " + ev.Subtype;
        // Channel messages arrive as app_mention; message events are answered in direct messages only.
        if (ev.Type == SlackEvent.Message && ev.ChannelType != "im") return "message outside a direct message";
        return null;
    }
}
