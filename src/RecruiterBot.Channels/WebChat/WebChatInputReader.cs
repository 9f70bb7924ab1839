using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Channels.WebChat;

/// <summary>Reads and checks a <c>POST /api/chat</c> body: size, JSON shape, ids. Never throws for bad input.</summary>
internal static class WebChatInputReader
{
    public const int MaxIdLength = 64;

    public static async Task<(WebChatInput? Input, WebChatRejection? Rejection)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (!IsJson(request.ContentType))
            return Reject(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json");
        if (request.ContentLength > maxBytes)
            return Reject(StatusCodes.Status413PayloadTooLarge, TooLarge(maxBytes));

        var body = await ReadBoundedAsync(request.Body, maxBytes, ct);
        if (body is null) return Reject(StatusCodes.Status413PayloadTooLarge, TooLarge(maxBytes));
        if (body.Length == 0) return Reject(StatusCodes.Status400BadRequest, "the request body is empty; expected {\"text\": \"what is Celery?\"}");

        WebChatRequest? parsed;
        try { parsed = JsonSerializer.Deserialize(body, WebChatJsonContext.Default.WebChatRequest); }
        catch (JsonException e) { return Reject(StatusCodes.Status400BadRequest, Describe(e)); }
        if (parsed is null) return Reject(StatusCodes.Status400BadRequest, ExpectedObject);

        var conversation = string.IsNullOrEmpty(parsed.Conversation) ? Guid.NewGuid().ToString("N") : parsed.Conversation;
        var requestId = string.IsNullOrEmpty(parsed.RequestId) ? null : parsed.RequestId;
        if ((CheckId("conversation", conversation) ?? CheckId("requestId", requestId)) is { } idProblem)
            return Reject(StatusCodes.Status400BadRequest, idProblem);

        CardAction? action = null;
        if (parsed.Value is { } value && value.ValueKind != JsonValueKind.Null)
            action = CardAction.FromJson(value) ?? new CardAction("unknown"); // the turn answers an unknown button with help
        if (action is null && string.IsNullOrWhiteSpace(parsed.Text))
            return Reject(StatusCodes.Status400BadRequest, "expected \"text\" (a non-empty string) or \"value\" (a card action)");

        return (new WebChatInput(new IncomingMessage { Text = parsed.Text ?? "", Action = action }, conversation, requestId), null);
    }

    private const string ExpectedObject = "expected a JSON object such as {\"text\": \"what is Celery?\"}";

    private static (WebChatInput?, WebChatRejection?) Reject(int status, string reason) => (null, new WebChatRejection(status, reason));

    private static string TooLarge(int maxBytes) => $"the request body is larger than {maxBytes} bytes (WebChat:MaxRequestBytes)";

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';', 2)[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Letters, digits, '-' and '_', at most <see cref="MaxIdLength"/>: ids go into storage keys and logs.</summary>
    internal static string? CheckId(string field, string? id)
    {
        if (id is null) return null;
        if (id.Length > MaxIdLength) return $"\"{field}\" is longer than {MaxIdLength} characters";
        var bad = id.IndexOfAnyExcept(IdChars);
        return bad < 0 ? null : $"\"{field}\" may only contain letters, digits, '-' and '_' (character {bad + 1} is not one)";
    }

    private static readonly SearchValues<char> IdChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/> (a chunked body has no Content-Length).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        finally { ArrayPool<byte>.Shared.Return(chunk); }
    }

    /// <summary>A one-line reason from the serializer's error: which field has the wrong type, or where the JSON breaks.</summary>
    private static string Describe(JsonException e)
    {
        var field = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        if (e.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return field switch
            {
                null => ExpectedObject,
                "text" or "conversation" or "requestId" => $"\"{field}\" must be a string",
                _ => $"\"{field}\" has the wrong type",
            };
        }
        var what = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].ReplaceLineEndings(" ").TrimEnd('.', ' ');
        return $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {what}";
    }
}
