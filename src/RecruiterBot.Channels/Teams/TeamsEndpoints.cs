using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Channels.Teams;

/// <summary><c>POST /api/messages</c>: the Bot Framework messaging endpoint Teams (through Azure Bot Service) calls.</summary>
public static class TeamsEndpoints
{
    public const string Route = "/api/messages";

    /// <summary>Teams activities are far smaller (a message is at most about 100 KB); anything larger is refused.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public const int MaxIdLength = 1024;

    /// <summary>Maps the endpoint when Teams is configured (an app id, or the emulator flag); logs what it did.</summary>
    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsEndpoints).FullName!);
        if (!options.Enabled)
        {
            Log.TeamsOff(logger);
            return app;
        }
        var endpoint = app.MapPost(Route, HandleAsync);
        if (options.RequiresToken)
        {
            endpoint.RequireAuthorization(TeamsTokenValidation.Policy);
            if (options.DangerouslyAllowUnauthenticatedRequests) Log.TeamsUnauthenticatedFlagIgnored(logger);
        }
        else
        {
            endpoint.AllowAnonymous();
            Log.TeamsUnauthenticated(logger);
        }
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IOptions<TeamsOptions> options, TeamsServiceUrlPolicy serviceUrls,
        TeamsReplyQueue queue, Lazy<ConversationTurns> turns, Lazy<TeamsCardActions> cardActions, Lazy<TeamsSearch> search, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints).FullName!);
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null) return Error(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {MaxBodyBytes} bytes");

        TeamsActivity? activity;
        try { activity = JsonSerializer.Deserialize(body, TeamsJsonContext.Default.TeamsActivity); }
        catch (JsonException e) { return Error(StatusCodes.Status400BadRequest, "the body is not a Bot Framework activity: " + FirstSentence(e.Message)); }
        if (activity is null) return Error(StatusCodes.Status400BadRequest, "the body is not a Bot Framework activity: expected a JSON object");
        if (string.IsNullOrWhiteSpace(activity.Type)) return Error(StatusCodes.Status400BadRequest, "the activity has no \"type\"");

        var o = options.Value;
        if (o.RequiresToken && !ServiceUrlMatchesToken(http, activity.ServiceUrl))
            return Error(StatusCodes.Status401Unauthorized, "the token's serviceurl claim does not match the activity's serviceUrl");
        if (o.AllowedTenants.Length > 0 && !o.AllowedTenants.Contains(activity.TenantId ?? "", StringComparer.OrdinalIgnoreCase))
        {
            Log.TeamsTenantRefused(logger, activity.TenantId is { Length: <= 64 } tenant ? tenant : "(none or not a tenant id)");
            return Error(StatusCodes.Status403Forbidden, "the activity's tenant is not allowed");
        }

        if (activity.Type == "invoke") return await InvokeAsync(activity, cardActions, search, logger, http.RequestAborted);

        var welcome = TeamsMessageReader.WelcomesBot(activity);
        if (activity.Type != "message" && !welcome) return Results.Ok();

        if (activity.Conversation?.Id is not { Length: > 0 and <= MaxIdLength } || activity.Id is { Length: > MaxIdLength })
            return Error(StatusCodes.Status400BadRequest, $"the activity needs a conversation.id, and ids of at most {MaxIdLength} characters");
        if (!serviceUrls.IsAllowed(activity.ServiceUrl))
        {
            Log.TeamsServiceUrlRefused(logger, activity.Id ?? "(none)");
            return Error(StatusCodes.Status403Forbidden, "the activity's serviceUrl is not an allowed Teams service URL");
        }
        // Refuse rather than accept and drop: Teams redelivers once the knowledge is fixed.
        try { _ = turns.Value; }
        catch (KnowledgeLoadException) { return KnowledgeNotLoaded(); }
        if (!queue.TryEnqueue(new TeamsReplyWork(activity, welcome)))
        {
            http.Response.Headers.RetryAfter = "1";
            return Error(StatusCodes.Status503ServiceUnavailable, "the bot is busy; retry the activity later");
        }
        return Results.Ok();
    }

    // Invokes are answered in the response body (Teams waits for it); nothing goes through the connector.
    private static async Task<IResult> InvokeAsync(TeamsActivity activity, Lazy<TeamsCardActions> cardActions, Lazy<TeamsSearch> search,
        ILogger logger, CancellationToken ct)
    {
        try
        {
            switch (activity.Name)
            {
                case "adaptiveCard/action":
                    return Results.Json(await cardActions.Value.AnswerAsync(activity, ct), TeamsJsonContext.Default.TeamsCardActionResponse);
                case "composeExtension/query":
                    return Results.Json(await search.Value.AnswerAsync(activity, ct), TeamsJsonContext.Default.TeamsSearchResponse);
                default:
                    Log.TeamsInvokeIgnored(logger, activity.Name is { Length: <= 100 } name ? name : "(none or too long)");
                    return Results.Ok();
            }
        }
        catch (KnowledgeLoadException) { return KnowledgeNotLoaded(); }
    }

    private static IResult KnowledgeNotLoaded() =>
        Error(StatusCodes.Status503ServiceUnavailable, "the knowledge base is not loaded; see /readyz");

    private static bool ServiceUrlMatchesToken(HttpContext http, string? serviceUrl)
    {
        var claim = http.User.FindFirst(TeamsTokenValidation.ServiceUrlClaim)?.Value;
        // Bot Framework tokens must name the service URL: it is what binds the reply (and the bot's token) to Teams.
        if (claim is null) return TeamsTokenValidation.IsEntraIssuer(http.User.FindFirst("iss")?.Value);
        return serviceUrl is not null && string.Equals(claim.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new TeamsError(message), TeamsJsonContext.Default.TeamsError, statusCode: status);

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');
}
