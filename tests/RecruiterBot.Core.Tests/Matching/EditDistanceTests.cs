using RecruiterBot.Core.Matching;

namespace RecruiterBot.Core.Tests.Matching;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("kubernets", "kubernetes", 1)]
    [InlineData("pyhton", "python", 1)]
    [InlineData("postgress", "postgresql", 2)]
    [InlineData("djano", "django", 1)]
    [InlineData("celery", "celery", 0)]
    public void Between_CommonTypos_CountsEdits(string typed, string key, int expected) =>
        Assert.Equal(expected, EditDistance.Between(typed, key, 3));

    [Fact]
    public void LowerBound_EveryKeyAgainstTyposAndOtherKeys_NeverAboveTheDistance()
    {
        // The bound lets the matcher skip the distance table; it must never skip a key that is within reach.
        var keys = TestKnowledge.Base.Skills
            .SelectMany(s => s.Aliases.Prepend(s.Title)).Select(a => ChatText.Key(a).Replace(" ", "")).Where(k => k.Length > 0).Distinct().ToList();
        var words = keys.Concat(keys.Select(Typo)).Concat(["celeryjuice", "healthy", "rust", "k8s", "c++", "node.js"]).ToList();
        foreach (var word in words)
            foreach (var key in keys)
            {
                var distance = EditDistance.Between(word, key, 100);
                Assert.True(EditDistance.LowerBound(EditDistance.Letters(word), EditDistance.Letters(key)) <= distance, $"{word} / {key}");
            }
    }

    // Swaps two letters and drops the last one: two edits away.
    private static string Typo(string key) => key.Length < 3 ? key + "x" : key[1].ToString() + key[0] + key[2..^1];
}
