using System.CommandLine;
using System.Text.Json;
using RecruiterBot.Cards;
using RecruiterBot.Cards.Envelope;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cli.Commands;

/// <summary>
/// <c>ask "question"</c> prints the plain-text answer; <c>--json</c> the reply envelope; <c>--jsonl</c> answers one JSON
/// object per stdin line with exactly one JSON line each, in order.
/// </summary>
internal static class AskCommand
{
    /// <summary>Longest input line <c>--jsonl</c> reads; a longer one is answered with an error and skipped.</summary>
    public const int MaxLineChars = 1_000_000;

    public static Command Create(CliIo io)
    {
        var text = new Argument<string?>("text") { Description = "What to ask, e.g. \"what is Celery?\"", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the reply envelope as JSON" };
        var jsonl = new Option<bool>("--jsonl") { Description = "Read {\"text\", \"conversation\"?, \"value\"?} per stdin line; write one envelope per line" };
        var command = new Command("ask", "Ask RecruiterBot a question, or read one JSON request per line with --jsonl.");
        command.Arguments.Add(text);
        command.Options.Add(json);
        command.Options.Add(jsonl);
        command.Validators.Add(result =>
        {
            var hasText = result.GetValue(text) is not null;
            var isJsonl = result.GetValue(jsonl);
            if (isJsonl && hasText) result.AddError("--jsonl reads stdin; give no question text with it");
            else if (isJsonl && result.GetValue(json)) result.AddError("--json and --jsonl cannot be combined");
            else if (!isJsonl && !hasText) result.AddError("ask needs the question text, e.g. ask \"what is Celery?\" (or --jsonl)");
        });
        command.SetAction(async (parsed, ct) =>
        {
            var knowledge = KnowledgeSource.Load(parsed, io);
            if (knowledge is null) return CliApp.Failed;
            var session = new AskSession(TurnHandler.Create(knowledge), new ReplyRenderer());
            if (parsed.GetValue(jsonl)) return await RunJsonLinesAsync(session, io, ct);

            var envelope = session.Answer(IncomingMessage.FromText(parsed.GetValue(text)), conversation: null);
            await io.Out.WriteLineAsync(parsed.GetValue(json) ? EnvelopeJson.Write(envelope) : envelope.Text);
            return CliApp.Ok;
        });
        return command;
    }

    private static async Task<int> RunJsonLinesAsync(AskSession session, CliIo io, CancellationToken ct)
    {
        var reader = new BoundedLineReader(io.In, MaxLineChars);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            string output;
            if (line.TooLong) output = Error(lineNumber, $"the line is longer than {MaxLineChars} characters");
            else if (string.IsNullOrWhiteSpace(line.Text)) output = Error(lineNumber, "empty line; expected a JSON object such as {\"text\": \"what is Celery?\"}");
            else
            {
                try
                {
                    var request = AskRequest.Parse(line.Text);
                    output = EnvelopeJson.Write(session.Answer(request.Message, request.Conversation));
                }
                catch (AskRequestException e) { output = Error(lineNumber, e.Message); }
            }
            await io.Out.WriteLineAsync(output);
            await io.Out.FlushAsync(ct);
        }
        return CliApp.Ok;
    }

    private static string Error(int line, string message) => EnvelopeJson.Write(new ErrorEnvelope($"line {line}: {message}"));
}

/// <summary>Conversation state kept in memory for one run of the CLI.</summary>
internal sealed class AskSession(TurnHandler turns, ReplyRenderer renderer)
{
    private readonly Dictionary<string, ConversationState> _states = new(StringComparer.Ordinal);

    public ReplyEnvelope Answer(IncomingMessage message, string? conversation)
    {
        conversation ??= Guid.NewGuid().ToString("N");
        var state = _states.GetValueOrDefault(conversation) ?? ConversationState.New();
        var (reply, next) = turns.Reply(message, state);
        _states[conversation] = next;
        return ReplyEnvelopeBuilder.Build(renderer.Render(reply), conversation);
    }
}

/// <summary>One <c>--jsonl</c> request line: <c>{"text": "...", "conversation": "optional id", "value": {optional card action}}</c>.</summary>
internal sealed record AskRequest(IncomingMessage Message, string? Conversation)
{
    public const int MaxConversationIdLength = 200;

    public static AskRequest Parse(string line)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 32 }); }
        catch (JsonException e) { throw new AskRequestException("not valid JSON: " + FirstSentence(e.Message)); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new AskRequestException("expected a JSON object such as {\"text\": \"what is Celery?\"}");
            var text = OptionalString(root, "text");
            var conversation = OptionalString(root, "conversation");
            if (conversation is { Length: 0 }) conversation = null;
            if (conversation is { Length: > MaxConversationIdLength }) throw new AskRequestException($"\"conversation\" is longer than {MaxConversationIdLength} characters");
            CardAction? action = null;
            if (root.TryGetProperty("value", out var value) && value.ValueKind != JsonValueKind.Null)
                action = CardAction.FromJson(value) ?? new CardAction("unknown");
            if (text is null && action is null) throw new AskRequestException("expected \"text\" (a string) or \"value\" (a card action)");
            return new AskRequest(new IncomingMessage { Text = text ?? "", Action = action }, conversation);
        }
    }

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null) return null;
        if (p.ValueKind != JsonValueKind.String) throw new AskRequestException($"\"{name}\" must be a string");
        return p.GetString();
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');
}

internal sealed class AskRequestException(string message) : Exception(message);
