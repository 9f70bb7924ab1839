using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>Activities shaped like the ones Teams sends (see protocols.md §1.2), built fresh for each test.</summary>
public static class TeamsActivities
{
    public const string BotId = "28:" + TeamsStandIn.AppId;
    public const string UserId = "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public static JsonObject Personal(string serviceUrl, string text, string? id = null, string? conversationId = null) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? NewId(),
        ["timestamp"] = "2026-11-26T21:10:07.437Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Megan Bowen", ["aadObjectId"] = "7faf8ab2-3d5e-4a2a-8c5c-1a2b3c4d5e6f" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = conversationId ?? "a:" + NewId() },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "RecruiterBot" },
        ["textFormat"] = "plain",
        ["text"] = text,
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/html", ["content"] = "<div>" + text + "</div>" }),
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["platform"] = "Web" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = "en-US",
    };

    /// <summary>A channel message that @mentions the bot, in the thread of <paramref name="rootMessageId"/>.</summary>
    public static JsonObject ChannelMention(string serviceUrl, string question, string rootMessageId, string fromId = UserId)
    {
        var a = Personal(serviceUrl, "<at>RecruiterBot</at> " + question);
        a["from"] = new JsonObject { ["id"] = fromId, ["name"] = "Megan Bowen" };
        a["conversation"] = new JsonObject
        {
            ["conversationType"] = "channel", ["tenantId"] = TenantId, ["isGroup"] = true,
            ["id"] = "19:8d3a1b5e0c4f4f2a9e7d6c5b4a3f2e1d@thread.skype;messageid=" + rootMessageId,
        };
        a["entities"] = new JsonArray(
            new JsonObject { ["type"] = "mention", ["text"] = "<at>RecruiterBot</at>", ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "RecruiterBot" } },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US" });
        a["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.skype" },
            ["channel"] = new JsonObject { ["id"] = "19:8d3a1b5e0c4f4f2a9e7d6c5b4a3f2e1d@thread.skype" },
        };
        return a;
    }

    /// <summary>An Action.Submit press: no text, the button's data in <c>value</c>, <c>replyToId</c> the card's activity.</summary>
    public static JsonObject Submit(string serviceUrl, JsonObject data, string conversationId)
    {
        var a = Personal(serviceUrl, "", conversationId: conversationId);
        a.Remove("text");
        a.Remove("attachments");
        a["value"] = data;
        a["replyToId"] = "1632474074231";
        return a;
    }

    /// <summary>An invoke: Teams waits for its answer in the HTTP response.</summary>
    public static JsonObject Invoke(string serviceUrl, string name, JsonNode? value, string? conversationId = null)
    {
        var a = Personal(serviceUrl, "", conversationId: conversationId);
        a["type"] = "invoke";
        a["name"] = name;
        a.Remove("text");
        a.Remove("attachments");
        a.Remove("textFormat");
        a["value"] = value;
        return a;
    }

    /// <summary>An Action.Execute press (protocols.md §1.7): <c>{"action": {"type", "id", "verb", "data"}, "trigger": "manual"}</c>.</summary>
    public static JsonObject Execute(string serviceUrl, string verb, JsonObject data, string? conversationId = null) =>
        Invoke(serviceUrl, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "execute-" + NewId(), ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        }, conversationId);

    /// <summary>A search box query (protocols.md §4): <c>{"commandId", "parameters": [{"name", "value"}], "queryOptions": {"skip", "count"}}</c>.</summary>
    public static JsonObject Search(string serviceUrl, string text, string parameterName = "searchKeyword", int skip = 0, int count = 25) =>
        Invoke(serviceUrl, "composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchKeyword",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = parameterName, ["value"] = text }),
            ["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count },
        });

    public static JsonObject ConversationUpdate(string serviceUrl, string conversationId, params string[] membersAdded)
    {
        var a = Personal(serviceUrl, "", conversationId: conversationId);
        a["type"] = "conversationUpdate";
        a.Remove("text");
        a.Remove("attachments");
        a["membersAdded"] = new JsonArray(membersAdded.Select(m => (JsonNode)new JsonObject { ["id"] = m }).ToArray());
        return a;
    }

    public static JsonObject InstallationUpdate(string serviceUrl, string conversationId, string action = "add")
    {
        var a = Personal(serviceUrl, "", conversationId: conversationId);
        a["type"] = "installationUpdate";
        a["action"] = action;
        a.Remove("text");
        a.Remove("attachments");
        return a;
    }

    public static string NewId() => DateTime.UtcNow.Ticks.ToString() + Random.Shared.Next(1000, 9999);

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, JsonNode activity, string? token) =>
        await client.PostRawAsync(activity.ToJsonString(), token);

    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
