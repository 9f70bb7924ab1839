using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecruiterBot.Cards.Envelope;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Channels.WebChat;

/// <summary>
/// The local web chat: the page at <c>/</c> (its files under <c>/assets/</c>) and <c>POST /api/chat</c>, which answers
/// with the reply envelope inline. Nothing is mapped when <c>WebChat:Enabled</c> is false.
/// </summary>
public static class WebChatEndpoints
{
    public const string Channel = "webchat";

    /// <summary>Maps the page and the API. <paramref name="page"/> holds <c>index.html</c> and the page's assets.</summary>
    public static IEndpointRouteBuilder MapWebChatEndpoints(this IEndpointRouteBuilder app, IFileProvider page)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled) return app;
        app.MapGet("/", (HttpContext http) => PageFile(http, page, "index.html"));
        app.MapGet("/assets/{**path}", (HttpContext http, string path) => PageFile(http, page, path));
        app.MapPost("/api/chat", ChatAsync);
        return app;
    }

    private static async Task<IResult> ChatAsync(HttpContext http, IOptions<WebChatOptions> options, Lazy<ConversationTurns> turns, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(WebChatEndpoints).FullName!);
        var (input, rejection) = await WebChatInputReader.ReadAsync(http.Request, options.Value.MaxRequestBytes, http.RequestAborted);
        if (rejection is not null)
        {
            Log.WebChatRejected(logger, rejection.Status);
            return Error(rejection.Status, rejection.Reason);
        }

        // Request ids are scoped to the conversation: two tabs may well both send "1".
        var inboundId = input!.RequestId is { } id ? $"{Channel}:{input.Conversation}:{id}" : null;
        var request = new TurnRequest(Channel, $"{Channel}:{input.Conversation}", input.Message, inboundId, ReplayDuplicate: true);
        TurnOutcome outcome;
        try
        {
            // The knowledge base loads on first use; while it cannot load, /readyz says why.
            outcome = await turns.Value.RunAsync(request, http.RequestAborted);
        }
        catch (KnowledgeLoadException)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, "the knowledge base is not loaded; see /readyz");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.WebChatFailed(logger, e);
            return Error(StatusCodes.Status500InternalServerError, "RecruiterBot could not answer this message; the error is in the server log");
        }
        var envelope = ReplyEnvelopeBuilder.Build(outcome.Reply!, input.Conversation);
        Log.WebChatAnswered(logger, envelope.Intent, outcome.Duplicate);
        // Serialized straight into the response body: no intermediate string of the whole envelope.
        return Results.Json(envelope, EnvelopeJson.ReplyEnvelopeInfo, JsonContentType);
    }

    private const string JsonContentType = "application/json; charset=utf-8";

    private static IResult Error(int status, string reason) =>
        Results.Text(EnvelopeJson.Write(new ErrorEnvelope(reason)), JsonContentType, statusCode: status);

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static IResult PageFile(HttpContext http, IFileProvider page, string path)
    {
        var file = page.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory || !ContentTypes.TryGetContentType(path, out var contentType))
            return Error(StatusCodes.Status404NotFound, "no such file");
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        // The page loads nothing from outside this server: card images and links to other hosts stay blank.
        headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        return Results.Stream(file.CreateReadStream(), contentType, lastModified: file.LastModified);
    }
}
