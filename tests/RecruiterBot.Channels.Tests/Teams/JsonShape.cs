using System.Text.Json.Nodes;

namespace RecruiterBot.Channels.Tests.Teams;

/// <summary>Compares a response with a documented example field by field: the same keys at every level, the same
/// constants; <c>"*"</c> in the example stands for any non-empty string, <c>{"...": true}</c> for any object.</summary>
public static class JsonShape
{
    public static void AssertMatches(string example, JsonNode? actual) => AssertMatches(JsonNode.Parse(example), actual, "$");

    private static void AssertMatches(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject e when e.ContainsKey("..."):
                Assert.True(actual is JsonObject, $"{path}: expected an object, got {actual?.ToJsonString() ?? "null"}");
                break;
            case JsonObject e:
                var a = Assert.IsType<JsonObject>(actual, exactMatch: false);
                Assert.True(e.Select(p => p.Key).Order().SequenceEqual(a.Select(p => p.Key).Order()),
                    $"{path}: keys [{string.Join(", ", a.Select(p => p.Key))}], expected [{string.Join(", ", e.Select(p => p.Key))}]");
                foreach (var (key, value) in e) AssertMatches(value, a[key], path + "." + key);
                break;
            case JsonArray e:
                var items = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.NotEmpty(items);
                for (var i = 0; i < items.Count; i++) AssertMatches(e[0], items[i], $"{path}[{i}]");
                break;
            case JsonValue e when e.TryGetValue<string>(out var s) && s == "*":
                Assert.False(string.IsNullOrWhiteSpace(actual?.GetValue<string>()), $"{path}: expected a non-empty string");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: {actual?.ToJsonString() ?? "null"}, expected {expected?.ToJsonString() ?? "null"}");
                break;
        }
    }
}
