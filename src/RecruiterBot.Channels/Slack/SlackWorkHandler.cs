using System.Text.Json;
using Microsoft.Extensions.Logging;
using RecruiterBot.Cards;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Storage;

namespace RecruiterBot.Channels.Slack;

/// <summary>Sends the reply to work Slack has already been acknowledged for: runs the turn and calls Slack.</summary>
internal sealed class SlackWorkHandler(
    ConversationTurns turns,
    TurnHandler turnHandler,
    ReplyRenderer renderer,
    IConversationStore store,
    SlackWebApiClient slack,
    SlackBotIdentity identity,
    ILogger<SlackWorkHandler> logger)
{
    public const string Channel = "slack";

    public Task HandleAsync(SlackWork work, CancellationToken ct) => work switch
    {
        SlackWork.Event e when e.Inner.Type == SlackEvent.AppHomeOpened => PublishHomeAsync(e, ct),
        SlackWork.Event e => AnswerEventAsync(e, ct),
        SlackWork.Action a => AnswerActionAsync(a, ct),
        SlackWork.CommandFollowUp c => AnswerCommandLateAsync(c, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(work), work.GetType().Name, "unknown Slack work"),
    };

    private async Task PublishHomeAsync(SlackWork.Event work, CancellationToken ct)
    {
        if (await store.TryClaimInboundAsync(InboundId(work), null, ct) is not null)
        {
            Log.Duplicate(logger, Channel, InboundId(work));
            return;
        }
        var result = await slack.PublishViewAsync(new SlackViewPublish { UserId = work.Inner.User!, View = SlackMessages.HomeView() }, ct);
        if (!result.Ok) Log.SlackReplyNotDelivered(logger, work.EventId, "views.publish", result.Error ?? "unknown_error");
    }

    private async Task AnswerEventAsync(SlackWork.Event work, CancellationToken ct)
    {
        var ev = work.Inner;
        if (await identity.UserIdAsync(slack, ct) is { } self && ev.User == self)
        {
            Log.SlackEventIgnored(logger, work.EventId, ev.Type ?? "", "sent by the bot itself");
            return;
        }
        // In a channel the answer goes in the mention's thread; a direct message is answered where it was written.
        var thread = ev.Type == SlackEvent.AppMention ? ev.ThreadTs ?? ev.Ts : ev.ThreadTs;
        var key = SlackMessages.ConversationKey(work.Envelope.TeamId, ev.Channel!, thread, ev.User!);
        var message = new IncomingMessage { Text = ev.Text ?? "", HasFile = ev.Subtype == SlackEvent.FileShare };
        var outcome = await turns.RunAsync(new TurnRequest(Channel, key, message, InboundId(work), ReplayDuplicate: false), ct);
        if (outcome.Reply is null) return;

        var (text, blocks) = SlackMessages.RenderWritten(outcome.Reply);
        var result = await slack.PostMessageAsync(new SlackPostMessage { Channel = ev.Channel!, Text = text, Blocks = blocks, ThreadTs = thread }, ct);
        if (!result.Ok) Log.SlackReplyNotDelivered(logger, work.EventId, "chat.postMessage", result.Error ?? "unknown_error");
    }

    private async Task AnswerActionAsync(SlackWork.Action work, CancellationToken ct)
    {
        var payload = work.Payload;
        var pressed = payload.Actions![0];
        var action = ParseAction(pressed.Value);
        if (pressed.ActionId == SlackMessages.ShareActionId)
        {
            await ShareAsync(work, action, ct);
            return;
        }

        var user = payload.User!.Id!;
        var channel = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var thread = payload.Container?.ThreadTs ?? payload.Message?.ThreadTs;
        var key = SlackMessages.ConversationKey(payload.Team?.Id ?? payload.User.TeamId, channel ?? user, thread, user);
        var inboundId = payload.TriggerId is { } trigger ? "slack:action:" + trigger : null;
        var outcome = await turns.RunAsync(new TurnRequest(Channel, key, new IncomingMessage { Action = action }, inboundId, ReplayDuplicate: false), ct);
        if (outcome.Reply is null) return;

        // "Show answer" completes the card it was pressed on; every other button adds an answer below it.
        var replace = action?.Action == CardAction.Answer;
        SlackCallResult result;
        string method;
        if (payload.ResponseUrl is { } responseUrl)
        {
            var response = payload.Container?.IsEphemeral == true
                ? SlackMessages.CommandAnswer(outcome.Reply)
                : SlackMessages.Message(outcome.Reply, SlackCommandResponse.InChannel);
            method = "response_url";
            result = await slack.RespondAsync(responseUrl, response with { ReplaceOriginal = replace, ThreadTs = replace ? null : thread }, ct);
        }
        else
        {
            var (text, blocks) = SlackMessages.RenderWritten(outcome.Reply);
            if (replace && channel is not null && payload.Container?.MessageTs is { } ts)
            {
                method = "chat.update";
                result = await slack.UpdateMessageAsync(new SlackPostMessage { Channel = channel, Ts = ts, Text = text, Blocks = blocks }, ct);
            }
            else
            {
                // App Home buttons have no channel: the answer goes to the user's direct messages with the bot.
                method = "chat.postMessage";
                result = await slack.PostMessageAsync(new SlackPostMessage { Channel = channel ?? user, Text = text, Blocks = blocks, ThreadTs = thread }, ct);
            }
        }
        if (!result.Ok) Log.SlackReplyNotDelivered(logger, work.Id, method, result.Error ?? "unknown_error");
    }

    private async Task ShareAsync(SlackWork.Action work, CardAction? action, CancellationToken ct)
    {
        if (action is null || work.Payload.ResponseUrl is not { } responseUrl)
        {
            Log.SlackReplyNotDelivered(logger, work.Id, "share", action is null ? "invalid_share_value" : "no_response_url");
            return;
        }
        // A share repeats an answer the asker already has: render it again, without moving their conversation on.
        var answer = turnHandler.Reply(new IncomingMessage { Action = action }, ConversationState.New(0)).Reply;
        var reply = renderer.Render(SlackMessages.AsShared(answer, action));
        var response = SlackMessages.Message(reply, SlackCommandResponse.InChannel) with { ReplaceOriginal = false };
        var result = await slack.RespondAsync(responseUrl, response, ct);
        if (!result.Ok) Log.SlackReplyNotDelivered(logger, work.Id, "response_url", result.Error ?? "unknown_error");
    }

    private async Task AnswerCommandLateAsync(SlackWork.CommandFollowUp work, CancellationToken ct)
    {
        var outcome = await work.Turn;
        if (outcome.Reply is null) return;
        var result = work.Command.ResponseUrl is { } url
            ? await slack.RespondAsync(url, SlackMessages.CommandAnswer(outcome.Reply), ct)
            : SlackCallResult.Failed("no_response_url");
        if (!result.Ok) Log.SlackReplyNotDelivered(logger, work.Id, "response_url", result.Error ?? "unknown_error");
    }

    private static string InboundId(SlackWork.Event work) => "slack:" + work.EventId;

    /// <summary>A button's value: the card action JSON; anything else is no action (the turn answers with help).</summary>
    private static CardAction? ParseAction(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            using var doc = JsonDocument.Parse(value);
            return CardAction.FromJson(doc.RootElement);
        }
        catch (JsonException) { return null; }
    }
}
