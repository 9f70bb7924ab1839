using System.Text.Json;
using Microsoft.Extensions.Logging;
using RecruiterBot.Cards;
using RecruiterBot.Cards.Adaptive;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Channels.Teams;

/// <summary>
/// Answers <c>adaptiveCard/action</c> (an <c>Action.Execute</c> press) in the HTTP response: the turn runs like a
/// button press in a message (same conversation key, same question log) and its card replaces the pressed one.
/// A malformed action gets the help card; a slow or failing store gets an answer from a fresh state, never a 500.
/// </summary>
internal sealed class TeamsCardActions(ConversationTurns turns, TurnHandler turnHandler, ReplyRenderer renderer, ILogger<TeamsCardActions> logger)
{
    /// <summary>How long the stored turn may take before the card is answered without the store; Teams shows an
    /// error when an invoke takes more than a few seconds.</summary>
    public static readonly TimeSpan StoreBudget = TimeSpan.FromSeconds(2);

    public async Task<TeamsCardActionResponse> AnswerAsync(TeamsActivity activity, CancellationToken ct)
    {
        var message = new IncomingMessage { Action = ReadAction(activity.Value) ?? new CardAction("unknown") };
        var reply = await RunTurnAsync(activity, message, ct);
        var card = reply.Card is { } bound ? TeamsCardVariant.WithUniversalActions(reply.Reply, bound) : null;
        Log.TeamsCardActionAnswered(logger, activity.Id ?? "(none)", reply.Reply.Intent);
        return card is not null && TeamsBudget.Fits(card) ? TeamsCardActionResponse.Card(card) : TeamsCardActionResponse.Message(reply.Text);
    }

    private static CardAction? ReadAction(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v) return null;
        try
        {
            var invoke = v.Deserialize(TeamsJsonContext.Default.TeamsCardActionInvoke);
            // Action.Execute carries the same data as Action.Submit; the verb repeats its "action".
            return invoke?.Action?.Data is { } data ? CardAction.FromJson(data) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<RenderedReply> RunTurnAsync(TeamsActivity activity, IncomingMessage message, CancellationToken ct)
    {
        if (activity.Conversation?.Id is { Length: > 0 and <= TeamsEndpoints.MaxIdLength } && activity.Id is not { Length: > TeamsEndpoints.MaxIdLength })
        {
            // A retried invoke is answered again with the same card (ReplayDuplicate), since Teams waits for this response.
            var request = new TurnRequest(TeamsReplyQueue.Channel, TeamsMessageReader.ConversationKey(activity), message,
                activity.Id is { } id ? TeamsReplyQueue.InboundPrefix + id : null, ReplayDuplicate: true);
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
            budget.CancelAfter(StoreBudget);
            try
            {
                var outcome = await turns.RunAsync(request, budget.Token).WaitAsync(StoreBudget, ct);
                if (outcome.Reply is not null) return outcome.Reply;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is OperationCanceledException or TimeoutException)
            {
                Log.TeamsCardActionWithoutStore(logger, activity.Id ?? "(none)", null);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Log.TeamsCardActionWithoutStore(logger, activity.Id ?? "(none)", e);
            }
        }
        return renderer.Render(turnHandler.Reply(message, ConversationState.New()).Reply);
    }
}
