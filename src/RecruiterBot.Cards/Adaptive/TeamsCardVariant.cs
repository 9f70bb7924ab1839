using System.Text.Json.Nodes;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards.Adaptive;

/// <summary>
/// Teams' versions of a bound Adaptive Card; the templates stay one set for Teams and the web chat.
/// <see cref="WithUniversalActions"/>: the interview card's buttons that replace the card itself become
/// <c>Action.Execute</c> (Teams updates the card in place for everyone). <see cref="WithoutBotActions"/>: a card
/// inserted into a conversation from the search box, read by people who may not have the bot.
/// </summary>
public static class TeamsCardVariant
{
    public const string Execute = "Action.Execute";
    public const string Submit = "Action.Submit";
    public const string ShowCard = "Action.ShowCard";
    public const string OpenUrl = "Action.OpenUrl";

    /// <summary><see cref="WithUniversalActions(BotReply, JsonObject)"/> for a card as bound (UTF-8 JSON): only an
    /// interview card is read and written again; any other comes back as it is.</summary>
    public static byte[] WithUniversalActions(BotReply reply, byte[] cardJson) => reply is InterviewReply
        ? BoundJson.ToUtf8(WithUniversalActions(reply, BoundJson.ToObject(cardJson)!))
        : cardJson;

    /// <summary>
    /// On an interview card, "What a strong answer sounds like" and "Another in &lt;category&gt;" become
    /// <c>Action.Execute</c> with <c>verb</c> = the data's <c>action</c> and the same <c>data</c> as
    /// <c>Action.Submit</c>, which stays as the <c>fallback</c> for clients that cannot execute. Any other card is
    /// returned unchanged: its buttons answer with a new message (a resume read is never replaced by one question).
    /// </summary>
    public static JsonObject WithUniversalActions(BotReply reply, JsonObject card)
    {
        if (reply is not InterviewReply interview) return card;
        var copy = card.DeepClone().AsObject();
        foreach (var actions in ActionLists(copy))
        {
            for (var i = 0; i < actions.Count; i++)
            {
                if (actions[i] is not JsonObject action) continue;
                var type = action["type"]?.GetValue<string>();
                var data = action["data"] as JsonObject;
                // The template shows the answer with Action.ShowCard (local to one viewer); in Teams it updates the card for everyone.
                if (type == ShowCard) data = new JsonObject { ["action"] = CardAction.Answer, ["id"] = interview.Check.Id };
                else if (type != Submit || !UpdatesCard(data)) continue;
                actions[i] = ToExecute(action, data!);
            }
        }
        return copy;
    }

    private static bool UpdatesCard(JsonObject? data) => data?["action"]?.GetValue<string>() switch
    {
        CardAction.Answer => true,
        CardAction.Interview => data["category"] is not null,
        _ => false,
    };

    private static JsonObject ToExecute(JsonObject action, JsonObject data)
    {
        var execute = new JsonObject
        {
            ["type"] = Execute,
            ["title"] = action["title"]?.DeepClone(),
            ["verb"] = data["action"]!.DeepClone(),
            ["data"] = data.DeepClone(),
        };
        if (action["style"] is { } style) execute["style"] = style.DeepClone();
        execute["fallback"] = new JsonObject { ["type"] = Submit, ["title"] = action["title"]?.DeepClone(), ["data"] = data.DeepClone() };
        return execute;
    }

    /// <summary>
    /// The card without any button that talks to the bot (<c>Action.Submit</c>, <c>Action.Execute</c>, and
    /// <c>Action.ShowCard</c> holding them), empty action sets removed; with <paramref name="openUrl"/>, one
    /// <c>Action.OpenUrl</c> titled <paramref name="openTitle"/> (a link back to the bot).
    /// </summary>
    public static JsonObject WithoutBotActions(JsonObject card, string? openUrl, string openTitle)
    {
        var copy = card.DeepClone().AsObject();
        Strip(copy);
        if (openUrl is not null)
        {
            var actions = copy["actions"] as JsonArray ?? [];
            actions.Add(new JsonObject { ["type"] = OpenUrl, ["title"] = openTitle, ["url"] = openUrl });
            copy["actions"] = actions;
        }
        return copy;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["actions"] is JsonArray actions)
                {
                    foreach (var a in actions.ToList())
                        if (a is JsonObject o && o["type"]?.GetValue<string>() is Submit or Execute or ShowCard) actions.Remove(a);
                    if (actions.Count == 0) obj.Remove("actions");
                }
                foreach (var (_, child) in obj.ToList()) Strip(child);
                break;
            case JsonArray array:
                foreach (var item in array.ToList())
                {
                    Strip(item);
                    // An ActionSet with nothing left would be an empty (invalid) element.
                    if (item is JsonObject o && o["type"]?.GetValue<string>() == "ActionSet" && o["actions"] is null) array.Remove(item);
                }
                break;
        }
    }

    private static IEnumerable<JsonArray> ActionLists(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["actions"] is JsonArray actions) yield return actions;
                foreach (var (name, child) in obj)
                    if (name != "actions")
                        foreach (var list in ActionLists(child)) yield return list;
                break;
            case JsonArray array:
                foreach (var item in array)
                    foreach (var list in ActionLists(item)) yield return list;
                break;
        }
    }
}
