using System.Net;
using System.Text.Json.Nodes;
using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>Invokes answered in the HTTP response: Action.Execute (adaptiveCard/action) and the search box
/// (composeExtension/query), against the shapes of protocols.md §1.7 and §4.</summary>
public sealed class TeamsInvokeTests : TeamsHostTest, IDisposable
{
    // protocols.md §1.7: {"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": <card>}
    private const string CardActionExample = """
        {"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": {"...": true}}
        """;

    // protocols.md §4 (search response) with the preview of each result as a thumbnail card.
    private const string SearchExample = """
        {"composeExtension": {"type": "result", "attachmentLayout": "list", "attachments": [
          {"contentType": "application/vnd.microsoft.card.adaptive", "content": {"...": true},
           "preview": {"contentType": "application/vnd.microsoft.card.thumbnail", "content": {"title": "*", "text": "*"}}}]}}
        """;

    private static readonly KnowledgeBase Knowledge = KnowledgeLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "knowledge"));

    private readonly string _database = Path.Combine(Path.GetTempPath(), "recruiterbot-invoke-" + Guid.NewGuid().ToString("N") + ".db");

    // A question log of its own: the most asked skills are counted in it.
    protected override void Configure(Dictionary<string, string?> settings) => settings["Storage:SqlitePath"] = _database;

    private async Task<JsonObject> InvokeAsync(JsonObject activity)
    {
        var response = await Client.PostAsync(activity, Token());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject o => (o["actions"] is JsonArray a ? a.OfType<JsonObject>() : []).Concat(o.SelectMany(p => Actions(p.Value))),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => (o["text"] is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Enumerable.Empty<string>()).Concat(o.SelectMany(p => Texts(p.Value))),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    [Fact]
    public async Task Invoke_WithoutToken_401()
    {
        var response = await Client.PostAsync(TeamsActivities.Search(StandIn.ServiceUrl, "celery"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_TokenForAnotherServiceUrl_401()
    {
        var execute = TeamsActivities.Execute(StandIn.ServiceUrl, "answer", new JsonObject { ["action"] = "answer", ["id"] = "data-orm-vs-sql" });

        var response = await Client.PostAsync(execute, StandIn.CreateToken(serviceUrl: "https://smba.trafficmanager.net/emea/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CardAction_ShowStrongAnswer_CardWithTheAnswerReplacesThePressedOne()
    {
        var check = Knowledge.FindCheck("data-orm-vs-sql")!;

        var body = await InvokeAsync(TeamsActivities.Execute(StandIn.ServiceUrl, "answer", new JsonObject { ["action"] = "answer", ["id"] = check.Id }));

        JsonShape.AssertMatches(CardActionExample, body);
        var card = body["value"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Contains(check.Question, Texts(card));
        Assert.Contains(check.StrongAnswer, Texts(card));
        var actions = Actions(card).ToList();
        Assert.DoesNotContain(actions, a => a["type"]!.GetValue<string>() == "Action.ShowCard");
        var another = Assert.Single(actions, a => a["type"]!.GetValue<string>() == "Action.Execute");
        Assert.Equal("interview", another["verb"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["action"] = "interview", ["category"] = "data" }, another["data"]));
        Assert.Equal("Action.Submit", another["fallback"]!["type"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(another["data"], another["fallback"]!["data"]));
    }

    [Fact]
    public async Task CardAction_AnotherInCategoryTwice_TwoQuestionsOfThatCategoryWithExecuteButtons()
    {
        var conversation = "a:" + TeamsActivities.NewId();
        var data = new JsonObject { ["action"] = "interview", ["category"] = "data" };
        var dataQuestions = Knowledge.Interview.Where(c => c.Category == "data").Select(c => c.Question).ToHashSet();

        var first = (await InvokeAsync(TeamsActivities.Execute(StandIn.ServiceUrl, "interview", data.DeepClone().AsObject(), conversation)))["value"]!;
        var second = (await InvokeAsync(TeamsActivities.Execute(StandIn.ServiceUrl, "interview", data.DeepClone().AsObject(), conversation)))["value"]!;

        var asked = new[] { first, second }.Select(c => Assert.Single(Texts(c), dataQuestions.Contains)).ToList();
        Assert.NotEqual(asked[0], asked[1]);
        var answer = Assert.Single(Actions(second), a => a["verb"]?.GetValue<string>() == "answer");
        Assert.Equal("Action.Execute", answer["type"]!.GetValue<string>());
        Assert.Equal("Action.Submit", answer["fallback"]!["type"]!.GetValue<string>());
    }

    public static TheoryData<string> MalformedValues() => new()
    {
        "null",
        "\"not an object\"",
        "{}",
        "{\"action\": \"answer\"}",
        "{\"action\": {\"type\": \"Action.Execute\", \"verb\": \"answer\", \"data\": [1, 2]}}",
        "{\"action\": {\"type\": \"Action.Execute\", \"verb\": \"answer\", \"data\": {\"action\": \"define\", \"kind\": \"skill\", \"id\": \"no-such-skill\"}}}",
        "{\"action\": {\"type\": 7, \"data\": {\"action\": 12}}, \"trigger\": {}}",
    };

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public async Task CardAction_Malformed_200WithTheHelpCard(string value)
    {
        var execute = TeamsActivities.Invoke(StandIn.ServiceUrl, "adaptiveCard/action", JsonNode.Parse(value));

        var body = await InvokeAsync(execute);

        JsonShape.AssertMatches(CardActionExample, body);
        Assert.Contains("What I can do", Texts(body["value"]));
    }

    [Fact]
    public async Task Search_Celery_ResultsInTheDocumentedShapeWithoutBotButtons()
    {
        var body = await InvokeAsync(TeamsActivities.Search(StandIn.ServiceUrl, "celery"));

        JsonShape.AssertMatches(SearchExample, body);
        var attachments = body["composeExtension"]!["attachments"]!.AsArray();
        Assert.InRange(attachments.Count, 1, 10);
        Assert.Equal("Celery and Background Jobs", attachments[0]!["preview"]!["content"]!["title"]!.GetValue<string>());
        foreach (var card in attachments.Select(a => a!["content"]!))
        {
            Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
            var link = Assert.Single(Actions(card));
            Assert.Equal("Action.OpenUrl", link["type"]!.GetValue<string>());
            Assert.Equal("https://teams.microsoft.com/l/chat/0/0?users=28:" + TeamsStandIn.AppId, link["url"]!.GetValue<string>());
            Assert.DoesNotContain("Action.Submit", card.ToJsonString());
            Assert.DoesNotContain("Action.Execute", card.ToJsonString());
        }
    }

    [Theory]
    [InlineData("selery", "Celery and Background Jobs")]
    [InlineData("kubernets", "Kubernetes")]
    [InlineData("kube", "Kubernetes")]
    [InlineData("djang", "Django")]
    [InlineData("fast api", "FastAPI")]
    public async Task Search_TypoOrPrefix_BestMatchFirst(string query, string title)
    {
        var body = await InvokeAsync(TeamsActivities.Search(StandIn.ServiceUrl, query));

        var first = body["composeExtension"]!["attachments"]![0]!["preview"]!["content"]!["title"]!.GetValue<string>();
        Assert.Equal(title, first);
    }

    [Fact]
    public async Task Search_WordsOfAQuestion_InterviewCheckWithItsStrongAnswer()
    {
        var check = Knowledge.FindCheck("data-migrations")!;

        var body = await InvokeAsync(TeamsActivities.Search(StandIn.ServiceUrl, "schema live"));

        var result = body["composeExtension"]!["attachments"]![0]!;
        Assert.Equal(check.Question, result["preview"]!["content"]!["text"]!.GetValue<string>());
        Assert.Contains(check.StrongAnswer, Texts(result["content"]));
    }

    [Fact]
    public async Task Search_EmptyQuery_MostAskedSkillsFirstThenTheGuide()
    {
        foreach (var question in (string[])["what is redis?", "redis?", "what is kubernetes?"])
            Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question(question), Token())).StatusCode);
        await StandIn.WaitForRepliesAsync(3);

        var body = await InvokeAsync(TeamsActivities.Search(StandIn.ServiceUrl, ""));

        var titles = body["composeExtension"]!["attachments"]!.AsArray().Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(10, titles.Count);
        Assert.Equal(["Redis and Caching", "Kubernetes"], titles[..2]);
        Assert.Equal(Knowledge.Skills.Select(s => s.Title).Except(titles[..2]).Take(8), titles[2..]);
    }

    [Fact]
    public async Task Search_InitialRunAndPaging_AnsweredWithinCount()
    {
        var initial = await InvokeAsync(TeamsActivities.Search(StandIn.ServiceUrl, "true", parameterName: "initialRun"));
        var page = await InvokeAsync(TeamsActivities.Search(StandIn.ServiceUrl, "python", skip: 1, count: 2));
        var all = await InvokeAsync(TeamsActivities.Search(StandIn.ServiceUrl, "python"));

        Assert.Equal(10, initial["composeExtension"]!["attachments"]!.AsArray().Count);
        var titles = all["composeExtension"]!["attachments"]!.AsArray().Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(titles.Skip(1).Take(2), page["composeExtension"]!["attachments"]!.AsArray().Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"parameters\": \"x\"}")]
    [InlineData("{\"parameters\": [{\"name\": \"searchKeyword\"}], \"queryOptions\": {\"skip\": \"lots\"}}")]
    public async Task Search_Malformed_AnsweredAsAnEmptyQuery(string value)
    {
        var body = await InvokeAsync(TeamsActivities.Invoke(StandIn.ServiceUrl, "composeExtension/query", JsonNode.Parse(value)));

        JsonShape.AssertMatches(SearchExample, body);
        Assert.Equal(10, body["composeExtension"]!["attachments"]!.AsArray().Count);
    }

    [Fact]
    public async Task Search_NothingFound_EmptyResultList()
    {
        var body = await InvokeAsync(TeamsActivities.Search(StandIn.ServiceUrl, "zzzzqqqq"));

        var result = body["composeExtension"]!;
        Assert.Equal("result", result["type"]!.GetValue<string>());
        Assert.Equal("list", result["attachmentLayout"]!.GetValue<string>());
        Assert.Empty(result["attachments"]!.AsArray());
    }

    [Theory]
    [InlineData("task/fetch")]
    [InlineData("composeExtension/querySettingUrl")]
    [InlineData("")]
    public async Task Invoke_OtherName_200WithEmptyBody(string name)
    {
        var response = await Client.PostAsync(TeamsActivities.Invoke(StandIn.ServiceUrl, name, new JsonObject()), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(StandIn.Replies);
    }

    [Fact]
    public async Task Invoke_KnowledgeNotLoaded_503SaysSo()
    {
        var missing = Path.Combine(Path.GetTempPath(), "recruiterbot-no-knowledge-" + Guid.NewGuid().ToString("N"));
        await using var bot = TeamsBotFactory.ForStandIn(StandIn, s => s["Knowledge:Path"] = missing);
        using var client = bot.StartClient();

        foreach (var invoke in new[] { TeamsActivities.Search(StandIn.ServiceUrl, "celery"),
                     TeamsActivities.Execute(StandIn.ServiceUrl, "answer", new JsonObject { ["action"] = "answer", ["id"] = "data-orm-vs-sql" }) })
        {
            var response = await client.PostAsync(invoke, Token());

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("knowledge base is not loaded", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Message_InterviewQuestion_CardSentWithExecuteButtonsAndSubmitFallback()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question("a data question"), Token())).StatusCode);

        var card = Assert.Single(await StandIn.WaitForRepliesAsync(1)).Json["attachments"]![0]!["content"]!;
        var executes = Actions(card).Where(a => a["type"]!.GetValue<string>() == "Action.Execute").ToList();
        Assert.Equal(["answer", "interview"], executes.Select(a => a["verb"]!.GetValue<string>()));
        Assert.All(executes, a => Assert.True(JsonNode.DeepEquals(a["data"], a["fallback"]!["data"])));
        // "Another question" (any category) stays a message of its own.
        Assert.Single(Actions(card), a => a["type"]!.GetValue<string>() == "Action.Submit" && a["data"]!["category"] is null);
    }

    public void Dispose()
    {
        try { File.Delete(_database); }
        catch (IOException) { }
    }
}
