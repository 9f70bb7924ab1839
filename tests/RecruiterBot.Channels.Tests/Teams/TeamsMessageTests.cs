using System.Net;
using System.Text.Json.Nodes;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>Messages in, replies out through the connector stand-in: shapes, threads, buttons, welcome, duplicates.</summary>
public sealed class TeamsMessageTests : TeamsHostTest
{
    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Teams:AllowedTenants:0"] = TeamsActivities.TenantId;

    [Fact]
    public async Task Post_PersonalQuestion_RepliesThroughConnectorWithBotTokenAndActivityShape()
    {
        var activity = Question();
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();
        var id = activity["id"]!.GetValue<string>();

        var response = await Client.PostAsync(activity, Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await StandIn.WaitForRepliesAsync(1));
        Assert.Equal($"/amer/v3/conversations/{conversationId}/activities/{id}", reply.Path);
        Assert.Equal("Bearer " + TeamsStandIn.BotToken, reply.Authorization);
        var json = reply.Json;
        Assert.Equal("message", json["type"]!.GetValue<string>());
        Assert.Equal(id, json["replyToId"]!.GetValue<string>());
        Assert.Equal(conversationId, json["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.BotId, json["from"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.UserId, json["recipient"]!["id"]!.GetValue<string>());
        Assert.StartsWith("Celery", json["text"]!.GetValue<string>());
        Assert.Null(json["id"]);
        var attachment = Assert.Single(json["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal(attachment["content"]!["fallbackText"]!.GetValue<string>(), json["text"]!.GetValue<string>());
        var tokenRequest = Assert.Single(StandIn.TokenRequests);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest["scope"]);
    }

    [Fact]
    public async Task Post_Replies_LogNothingPerReplyAtInformation()
    {
        for (var i = 0; i < 3; i++) await Client.PostAsync(Question(), Token());

        await StandIn.WaitForRepliesAsync(3);

        // The start-up lines are there (so Information is captured); the outbound calls (token, connector) add none.
        Assert.Contains(Bot.Logs, l => l.StartsWith("Information: ", StringComparison.Ordinal));
        Assert.DoesNotContain(Bot.Logs, l => l.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_InterviewQuestion_TextIsTheCardsSummaryWithoutTheStrongAnswer()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(Question("interview question"), Token())).StatusCode);

        var json = Assert.Single(await StandIn.WaitForRepliesAsync(1)).Json;
        var card = Assert.Single(json["attachments"]!.AsArray())!["content"]!;
        var text = json["text"]!.GetValue<string>();
        Assert.Equal(card["fallbackText"]!.GetValue<string>(), text);
        Assert.StartsWith("Interview question", text);
        // The card keeps the strong answer behind a button; the message text above it must not give it away.
        Assert.DoesNotContain("strong answer", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_ChannelMention_MentionRemovedAndReplyInThread()
    {
        var activity = TeamsActivities.ChannelMention(StandIn.ServiceUrl, "what is Django?", rootMessageId: "1700000000001");
        var id = activity["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(activity, Token())).StatusCode);

        var reply = Assert.Single(await StandIn.WaitForRepliesAsync(1));
        Assert.Equal($"/amer/v3/conversations/19:8d3a1b5e0c4f4f2a9e7d6c5b4a3f2e1d@thread.skype;messageid=1700000000001/activities/{id}", reply.Path);
        Assert.StartsWith("Django", reply.Json["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_ActionSubmit_AnswersTheButtonsData()
    {
        var conversation = "a:" + TeamsActivities.NewId();
        var press = TeamsActivities.Submit(StandIn.ServiceUrl, new JsonObject { ["action"] = "define", ["kind"] = "skill", ["id"] = "django" }, conversation);

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(press, Token())).StatusCode);

        var reply = Assert.Single(await StandIn.WaitForRepliesAsync(1));
        Assert.StartsWith("Django", reply.Json["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_FileShared_AnswersHowToPasteText()
    {
        var activity = Question("");
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["name"] = "resume.pdf",
            ["content"] = new JsonObject { ["downloadUrl"] = "https://contoso.sharepoint.com/resume.pdf", ["fileType"] = "pdf" },
        });

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(activity, Token())).StatusCode);

        var text = Assert.Single(await StandIn.WaitForRepliesAsync(1)).Json["text"]!.GetValue<string>();
        Assert.Contains("paste", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_InstallAndConversationUpdateTwice_WelcomedOnce()
    {
        var conversation = "a:" + TeamsActivities.NewId();

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(TeamsActivities.InstallationUpdate(StandIn.ServiceUrl, conversation), Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(TeamsActivities.ConversationUpdate(StandIn.ServiceUrl, conversation, TeamsActivities.UserId, TeamsActivities.BotId), Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(TeamsActivities.ConversationUpdate(StandIn.ServiceUrl, conversation, TeamsActivities.BotId), Token())).StatusCode);

        var welcome = Assert.Single(await StandIn.WaitForRepliesAsync(1));
        Assert.Equal($"/amer/v3/conversations/{conversation}/activities", welcome.Path);
        Assert.StartsWith("Hi! I'm RecruiterBot", welcome.Json["text"]!.GetValue<string>());
        await AssertStillAsync(1);
    }

    [Fact]
    public async Task Post_ConversationUpdateWithoutTheBot_NoWelcome()
    {
        var update = TeamsActivities.ConversationUpdate(StandIn.ServiceUrl, "a:" + TeamsActivities.NewId(), "29:someone-else");

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(update, Token())).StatusCode);

        await AssertStillAsync(0);
    }

    [Fact]
    public async Task Post_SameActivityTwice_AnsweredOnce()
    {
        var activity = Question();

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(activity, Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(activity, Token())).StatusCode);

        Assert.Single(await StandIn.WaitForRepliesAsync(1));
        await AssertStillAsync(1);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("somethingNew")]
    public async Task Post_OtherActivityType_200AndNothingElse(string type)
    {
        var activity = Question();
        activity["type"] = type;

        var response = await Client.PostAsync(activity, Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertStillAsync(0);
    }

    [Fact]
    public async Task Post_TenantNotAllowed_403AndNoReply()
    {
        var activity = Question();
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-00000000bad0" } };

        var response = await Client.PostAsync(activity, Token());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("tenant", await response.Content.ReadAsStringAsync());
        await AssertStillAsync(0);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("http://127.0.0.1.evil.example/amer/")]
    [InlineData("{base}/americas/")]
    [InlineData("{base}/")]
    public async Task Post_ServiceUrlNotAllowed_403AndNoReply(string serviceUrl)
    {
        serviceUrl = serviceUrl.Replace("{base}", StandIn.BaseUrl);
        var activity = TeamsActivities.Personal(serviceUrl, "what is Celery?");

        // The token names the same service URL: a valid Bot Framework token for a host the bot must not call.
        var response = await Client.PostAsync(activity, StandIn.CreateToken(serviceUrl: serviceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("serviceUrl", await response.Content.ReadAsStringAsync());
        await AssertStillAsync(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("{\"type\": ")]
    [InlineData("{\"text\": \"no type\"}")]
    [InlineData("{\"type\": \"message\", \"text\": 5}")]
    [InlineData("{\"type\": \"message\", \"text\": \"no conversation\", \"serviceUrl\": \"{service}\", \"channelData\": {\"tenant\": {\"id\": \"72f988bf-86f1-41af-91ab-2d7cd011db47\"}}}")]
    [InlineData("not json at all")]
    public async Task Post_NotAnActivity_400WithError(string body)
    {
        var response = await Client.PostRawAsync(body.Replace("{service}", StandIn.ServiceUrl), Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(error));
        await AssertStillAsync(0);
    }

    [Fact]
    public async Task Post_HugeBody_413WithError()
    {
        var activity = Question(new string('x', 2 * 1024 * 1024));

        var response = await Client.PostAsync(activity, Token());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("error", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Gives stray replies time to arrive, then checks there are exactly <paramref name="count"/>.</summary>
    private async Task AssertStillAsync(int count)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(count, StandIn.Replies.Count);
    }
}
