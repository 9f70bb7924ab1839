using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecruiterBot.Cards.Data;
using RecruiterBot.Cards.Templating;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards.Tests;

/// <summary>JSON helpers shared by the card tests.</summary>
public static class CardJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One canonical text for a JSON value, so two expansions compare byte for byte.</summary>
    public static string Canonical(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";

    public static CardTemplates Templates => LoadedTemplates.Value;

    private static readonly Lazy<CardTemplates> LoadedTemplates = new(() => CardTemplates.Load(RepoPaths.Cards));

    public static ReplyRenderer Renderer => new(Templates);

    /// <summary>All strings of a JSON tree with the object that holds each.</summary>
    public static IEnumerable<(JsonObject? Owner, string Key, string Text)> Strings(JsonNode? node, JsonObject? owner = null, string key = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                    foreach (var s in Strings(v, o, k)) yield return s;
                break;
            case JsonArray a:
                foreach (var item in a)
                    foreach (var s in Strings(item, owner, key)) yield return s;
                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                yield return (owner, key, text);
                break;
        }
    }

    public static BoundData Data(BotReply reply) => CardData.For(reply);

    /// <summary>Card data as a JSON node, as <see cref="TemplateEngine.Expand"/> and the official package take it.</summary>
    public static JsonNode Node(BoundData data) => JsonNode.Parse(data.Json.GetRawText())!;
}
