using System.Text.Json;

namespace RecruiterBot.Storage.Tests.Host;

/// <summary>What the tests read of a reply envelope.</summary>
public sealed record ChatAnswer(string Intent, string Text, IReadOnlyList<string> EntryIds)
{
    public static ChatAnswer Parse(string envelope)
    {
        var json = JsonDocument.Parse(envelope).RootElement;
        return new ChatAnswer(
            json.GetProperty("intent").GetString()!,
            json.GetProperty("text").GetString()!,
            json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList());
    }

    /// <summary>The id of the interview check this answer shows.</summary>
    public string Check()
    {
        Assert.Equal("interview", Intent);
        return Assert.Single(EntryIds);
    }

    /// <summary>Every check of the pool was shown before this one, so the pool started over.</summary>
    public bool PoolRestarted => Text.Contains("You have seen every question in this set", StringComparison.Ordinal);
}
