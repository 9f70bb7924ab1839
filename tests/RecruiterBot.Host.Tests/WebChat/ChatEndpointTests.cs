using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecruiterBot.Storage;

namespace RecruiterBot.Host.Tests.WebChat;

public sealed class ChatEndpointTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync("/api/chat", HostFactory.Json(json));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string Conversation() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task PostChat_QuestionWithoutConversation_AnswersWithEnvelopeAndNewConversation()
    {
        var (status, body) = await PostAsync(host.Client, """{"text": "what is Celery?"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("skill", body.GetProperty("intent").GetString());
        Assert.Equal("Celery and Background Jobs", body.GetProperty("entries")[0].GetProperty("title").GetString());
        Assert.Contains("Celery", body.GetProperty("text").GetString());
        Assert.Matches("^[0-9a-f]{32}$", body.GetProperty("conversation").GetString());
    }

    [Fact]
    public async Task PostChat_GivenConversation_EchoesIt()
    {
        var conversation = Conversation();
        var (_, body) = await PostAsync(host.Client, $$"""{"text": "hello", "conversation": "{{conversation}}"}""");

        Assert.Equal(conversation, body.GetProperty("conversation").GetString());
    }

    [Fact]
    public async Task PostChat_CardActionValue_RunsTheAction()
    {
        var (status, body) = await PostAsync(host.Client, """{"text": "", "value": {"action": "interview", "skill": "celery"}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("interview", body.GetProperty("intent").GetString());
        Assert.Contains("Celery", body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task PostChat_UnknownCardAction_AnswersWithHelp()
    {
        var (status, body) = await PostAsync(host.Client, """{"value": {"action": "launch-rockets"}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("help", body.GetProperty("intent").GetString());
    }

    [Fact]
    public async Task PostChat_SameRequestIdRepeated_SameAnswerAndConversationDoesNotAdvance()
    {
        var client = host.Client;
        var conversation = Conversation();
        var ask = $$"""{"text": "interview question", "conversation": "{{conversation}}", "requestId": "r1"}""";

        var (_, first) = await PostAsync(client, ask);
        var (status, retry) = await PostAsync(client, ask);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(first.GetProperty("entries")[0].GetProperty("id").GetString(), retry.GetProperty("entries")[0].GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("text").GetString(), retry.GetProperty("text").GetString());
        var store = host.Factory.Services.GetRequiredService<IConversationStore>();
        var state = await store.LoadStateAsync("webchat:" + conversation, CancellationToken.None);
        Assert.Equal(1, state!.Version);
        Assert.Single(state.ShownChecks);

        var (_, next) = await PostAsync(client, $$"""{"text": "another question", "conversation": "{{conversation}}", "requestId": "r2"}""");
        Assert.NotEqual(first.GetProperty("entries")[0].GetProperty("id").GetString(), next.GetProperty("entries")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostChat_SameRequestIdInAnotherConversation_IsANewMessage()
    {
        var client = host.Client;
        var (a, b) = (Conversation(), Conversation());
        await PostAsync(client, $$"""{"text": "interview question", "conversation": "{{a}}", "requestId": "1"}""");
        await PostAsync(client, $$"""{"text": "interview question", "conversation": "{{b}}", "requestId": "1"}""");

        var store = host.Factory.Services.GetRequiredService<IConversationStore>();
        Assert.Equal(1, (await store.LoadStateAsync("webchat:" + b, CancellationToken.None))!.Version);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "", "the request body is empty" },
        { "{\"text\": \"x\",", "malformed JSON at line 1" },
        { "not json", "malformed JSON" },
        { "[1, 2]", "expected a JSON object" },
        { "null", "expected a JSON object" },
        { "\"what is Celery?\"", "expected a JSON object" },
        { "{\"text\": 42}", "\"text\" must be a string" },
        { "{\"text\": \"x\", \"conversation\": {}}", "\"conversation\" must be a string" },
        { "{\"text\": \"x\", \"conversation\": \"../../etc\"}", "\"conversation\" may only contain letters, digits, '-' and '_'" },
        { "{\"text\": \"x\", \"conversation\": \"" + new string('a', 65) + "\"}", "\"conversation\" is longer than 64 characters" },
        { "{\"text\": \"x\", \"requestId\": \"<script>\"}", "\"requestId\" may only contain" },
        { "{\"text\": \"   \"}", "expected \"text\" (a non-empty string) or \"value\"" },
        { "{}", "expected \"text\" (a non-empty string) or \"value\"" },
        { "{\"text\": \"x\", \"value\": " + new string('[', 40) + new string(']', 40) + "}", "malformed JSON" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task PostChat_BadBody_400WithOneLineReasonAndServerKeepsServing(string json, string reason)
    {
        var client = host.Client;
        var (status, body) = await PostAsync(client, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("error").GetString()!;
        Assert.Contains(reason, error);
        Assert.DoesNotContain('\n', error);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, """{"text": "what is Django?"}""")).Status);
    }

    [Fact]
    public async Task PostChat_NotJsonContentType_415()
    {
        using var response = await host.Client.PostAsync("/api/chat", new StringContent("text=hi", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostChat_BodyOverLimit_413AndServerKeepsServing()
    {
        var client = host.Client;
        var json = JsonSerializer.Serialize(new { text = new string('a', 65 * 1024) });

        var (status, body) = await PostAsync(client, json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("WebChat:MaxRequestBytes", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, """{"text": "what is Django?"}""")).Status);
    }

    [Fact]
    public async Task PostChat_ChunkedBodyOverLimit_413()
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { text = new string('a', 65 * 1024) }));
        using var content = new StreamContent(new MemoryStream(bytes)); // no Content-Length: the limit is checked while reading
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostChat_BodyJustUnderLimit_Answers()
    {
        var json = JsonSerializer.Serialize(new { text = "what is Celery? " + new string(' ', 60 * 1024) });

        var (status, _) = await PostAsync(host.Client, json);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task PostChat_UserText_NeverLoggedAtInformationOrAbove()
    {
        const string marker = "Zorblax-Quuxington";
        // Debug on, so the per-message line (EventId 1010, Debug) is written and checked too.
        using var factory = new HostFactory(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });
        using var client = factory.CreateClient();
        await PostAsync(client, $$"""{"text": "what is {{marker}}?"}""");
        await PostAsync(client, $$"""{"text": "{{marker}} knows Django\nand PostgreSQL\nand Celery"}""");
        await PostAsync(client, $$"""{"text": "{{marker}}", "conversation": "bad id!"}""");

        Assert.DoesNotContain(factory.Logs.Entries, e => e.Level >= LogLevel.Information && e.Text.Contains(marker, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(factory.Logs.Entries, e => e.Level == LogLevel.Debug && e.Text.Contains("Web chat answered with intent"));
    }
}
