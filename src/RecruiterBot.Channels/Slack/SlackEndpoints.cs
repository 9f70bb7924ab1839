using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Channels.Slack;

/// <summary>
/// <c>POST /slack/events</c>, <c>/slack/commands</c> and <c>/slack/interactions</c>, mapped only when
/// <c>Slack:SigningSecret</c> is set. Every request is verified before its body is parsed.
/// </summary>
public static class SlackEndpoints
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>How long a slash command's turn may take inline; Slack shows an error after 3 seconds.</summary>
    public static readonly TimeSpan CommandInlineBudget = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.Enabled) return endpoints;
        var slack = endpoints.MapGroup("/slack");
        slack.MapPost("/events", HandleEventsAsync);
        slack.MapPost("/commands", HandleCommandsAsync);
        slack.MapPost("/interactions", HandleInteractionsAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleEventsAsync(HttpRequest request, SlackSignatureVerifier verifier, SlackReplyQueue queue, ILoggerFactory logs, CancellationToken ct)
    {
        var logger = logs.CreateLogger(typeof(SlackEndpoints));
        var (body, refused) = await ReadVerifiedAsync(request, verifier, logger, ct);
        if (refused is not null) return refused;

        SlackEventEnvelope? envelope;
        try { envelope = JsonSerializer.Deserialize(body, SlackJsonContext.Default.SlackEventEnvelope); }
        catch (JsonException e) { return Refuse(request, logger, StatusCodes.Status400BadRequest, "malformed JSON: " + OneLine(e.Message)); }
        if (envelope is null) return Refuse(request, logger, StatusCodes.Status400BadRequest, "malformed JSON: expected an object");

        switch (envelope.Type)
        {
            case SlackEventEnvelope.UrlVerification:
                return string.IsNullOrEmpty(envelope.Challenge)
                    ? Refuse(request, logger, StatusCodes.Status400BadRequest, "url_verification without a challenge")
                    : Results.Text(envelope.Challenge, "text/plain");
            case SlackEventEnvelope.EventCallback:
                if (string.IsNullOrEmpty(envelope.EventId) || envelope.Event is null)
                    return Refuse(request, logger, StatusCodes.Status400BadRequest, "event_callback without event_id or event");
                if (SlackEventFilter.WhyIgnored(envelope.Event) is { } why)
                {
                    Log.SlackEventIgnored(logger, envelope.EventId, envelope.Event.Type ?? "", why);
                    return Results.Ok();
                }
                // Acknowledge now and answer from the queue. A full queue gets 503 and the event is not recorded,
                // so Slack's retry is answered; duplicates are caught when the turn claims the event id.
                return queue.TryEnqueue(new SlackWork.Event(envelope, envelope.EventId, envelope.Event))
                    ? Results.Ok()
                    : Error(StatusCodes.Status503ServiceUnavailable, "too busy; retry later");
            default:
                return Results.Ok();
        }
    }

    private static async Task<IResult> HandleCommandsAsync(HttpRequest request, SlackSignatureVerifier verifier, Lazy<ConversationTurns> turnsOnceLoaded, SlackReplyQueue queue, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var logger = logs.CreateLogger(typeof(SlackEndpoints));
        var (body, refused) = await ReadVerifiedAsync(request, verifier, logger, ct);
        if (refused is not null) return refused;

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        // Slack checks the certificate of public apps with this POST: it only needs a 200.
        if (form.TryGetValue("ssl_check", out var ssl) && ssl == "1") return Results.Ok();
        var (command, problem) = SlackSlashCommand.FromForm(form);
        if (command is null) return Refuse(request, logger, StatusCodes.Status400BadRequest, problem!);

        ConversationTurns turns;
        try { turns = turnsOnceLoaded.Value; }
        catch (KnowledgeLoadException) { return Refuse(request, logger, StatusCodes.Status503ServiceUnavailable, "the knowledge base is not loaded; see /readyz"); }

        var key = SlackMessages.ConversationKey(command.TeamId, command.ChannelId, null, command.UserId);
        var inboundId = command.TriggerId is { } trigger ? "slack:command:" + trigger : null;
        var turn = turns.RunAsync(new TurnRequest(SlackWorkHandler.Channel, key, IncomingMessage.FromText(command.MessageText()), inboundId, ReplayDuplicate: false), CancellationToken.None);
        TurnOutcome outcome;
        try
        {
            outcome = await turn.WaitAsync(CommandInlineBudget, time, ct);
        }
        catch (TimeoutException)
        {
            // A slow store must not turn into Slack's "operation_timeout": acknowledge, answer through response_url.
            if (command.ResponseUrl is null || !queue.TryEnqueue(new SlackWork.CommandFollowUp(command, turn)))
                return Say("Sorry, I'm busy right now. Please try again in a moment.");
            Log.SlackCommandDeferred(logger, command.TriggerId ?? "command");
            return Say("Working on it…");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Slack shows a failed command as a bare error: say so in the conversation instead.
            Log.SlackWorkFailed(logger, command.TriggerId ?? "command", e);
            return Say("Sorry, something went wrong on my side. Please try again.");
        }
        return outcome.Reply is null
            ? Results.Ok()
            : Results.Json(SlackMessages.CommandAnswer(outcome.Reply), SlackJsonContext.Default.SlackCommandResponse);
    }

    private static async Task<IResult> HandleInteractionsAsync(HttpRequest request, SlackSignatureVerifier verifier, SlackReplyQueue queue, ILoggerFactory logs, CancellationToken ct)
    {
        var logger = logs.CreateLogger(typeof(SlackEndpoints));
        var (body, refused) = await ReadVerifiedAsync(request, verifier, logger, ct);
        if (refused is not null) return refused;

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var json) || string.IsNullOrEmpty(json))
            return Refuse(request, logger, StatusCodes.Status400BadRequest, "interaction form has no payload field");
        SlackBlockActions? payload;
        try { payload = JsonSerializer.Deserialize(json.ToString(), SlackJsonContext.Default.SlackBlockActions); }
        catch (JsonException e) { return Refuse(request, logger, StatusCodes.Status400BadRequest, "malformed payload JSON: " + OneLine(e.Message)); }
        if (payload is null) return Refuse(request, logger, StatusCodes.Status400BadRequest, "malformed payload JSON: expected an object");

        // Shortcuts, view submissions and the like are not used by the bot; acknowledging them is enough.
        if (payload.Type != SlackBlockActions.BlockActionsType) return Results.Ok();
        if (payload.Actions is not { Count: > 0 } || payload.User?.Id is null)
            return Refuse(request, logger, StatusCodes.Status400BadRequest, "block_actions without actions or user");
        return queue.TryEnqueue(new SlackWork.Action(payload))
            ? Results.Ok()
            : Error(StatusCodes.Status503ServiceUnavailable, "too busy; retry later");
    }

    /// <summary>The raw body, read once (at most 1 MB) and verified; or the response that refuses the request.</summary>
    private static async Task<(byte[] Body, IResult? Refused)> ReadVerifiedAsync(HttpRequest request, SlackSignatureVerifier verifier, ILogger logger, CancellationToken ct)
    {
        var timestamp = request.Headers["X-Slack-Request-Timestamp"].ToString();
        var signature = request.Headers["X-Slack-Signature"].ToString();
        // Unsigned requests are refused before their body is read.
        if (timestamp.Length == 0 || signature.Length == 0)
            return ([], Refuse(request, logger, StatusCodes.Status401Unauthorized, verifier.Verify(timestamp, signature, default)!));
        if (request.ContentLength > MaxBodyBytes) return ([], TooLarge(request, logger));

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return ([], TooLarge(request, logger));
            buffer.Write(chunk, 0, read);
        }
        var body = buffer.ToArray();
        return verifier.Verify(timestamp, signature, body) is { } problem
            ? ([], Refuse(request, logger, StatusCodes.Status401Unauthorized, problem))
            : (body, null);
    }

    /// <summary>A short ephemeral note to the person who typed the command.</summary>
    private static IResult Say(string text) =>
        Results.Json(new SlackCommandResponse { ResponseType = SlackCommandResponse.Ephemeral, Text = text }, SlackJsonContext.Default.SlackCommandResponse);

    private static IResult TooLarge(HttpRequest request, ILogger logger) =>
        Refuse(request, logger, StatusCodes.Status413PayloadTooLarge, $"request body is larger than {MaxBodyBytes} bytes");

    private static IResult Refuse(HttpRequest request, ILogger logger, int status, string reason)
    {
        Log.SlackRequestRefused(logger, request.Path, status, reason);
        return Error(status, reason);
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new Dictionary<string, string> { ["error"] = message }, SlackJsonContext.Default.DictionaryStringString, statusCode: status);

    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length > 200 ? line[..200] : line;
    }
}
