using RecruiterBot.Channels.Conversation;

namespace RecruiterBot.Channels.Slack;

/// <summary>A reply the background queue sends after Slack has been acknowledged. <see cref="Id"/> names it in logs.</summary>
internal abstract record SlackWork(string Id)
{
    /// <summary>An <c>event_callback</c> that passed the filter (mention, direct message, App Home opened).</summary>
    public sealed record Event(SlackEventEnvelope Envelope, string EventId, SlackEvent Inner) : SlackWork(EventId);

    /// <summary>A button press.</summary>
    public sealed record Action(SlackBlockActions Payload) : SlackWork(Payload.TriggerId ?? "block_actions");

    /// <summary>A slash command whose turn ran past the inline budget: its answer goes to the <c>response_url</c>.</summary>
    public sealed record CommandFollowUp(SlackSlashCommand Command, Task<TurnOutcome> Turn) : SlackWork(Command.TriggerId ?? "command");
}
