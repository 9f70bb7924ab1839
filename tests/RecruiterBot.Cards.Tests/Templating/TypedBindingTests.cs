using System.Buffers;
using System.Text;
using System.Text.Json;
using RecruiterBot.Cards.Adaptive;
using RecruiterBot.Cards.Data;
using RecruiterBot.Cards.Slack;
using RecruiterBot.Cards.Templating;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards.Tests.Templating;

/// <summary>Cards are bound from the card data records, read through their JSON contract: byte for byte what binding the
/// data's JSON (what the sample files hold, what the official package is compared with) writes.</summary>
public sealed class TypedBindingTests
{
    private static IEnumerable<(string Name, BotReply Reply)> Replies() => CardSamples.All()
        .Append(("resume-hostile", new ResumeReply(CardSamples.HostileResume())))
        .Append(("resume-huge", new ResumeReply(CardSamples.HugeResume())));

    [Fact]
    public void Write_EveryReplyAndFormat_SameBytesAsBindingTheDataJson()
    {
        foreach (var (name, reply) in Replies())
            foreach (var format in CardTemplates.Formats)
            {
                var data = CardData.For(reply);
                Assert.True(Utf8(CardJson.Templates.Write(format, data)) == BindJson(format, data), $"{format}/{name}");
            }
    }

    [Fact]
    public void Write_EveryResumeTrimLevel_SameBytesAsBindingTheDataJson()
    {
        foreach (var read in new[] { CardSamples.HugeResume(), CardSamples.SampleResume(), CardSamples.HostileResume() })
            foreach (var trim in ResumeTrim.Levels)
                foreach (var format in CardTemplates.Formats)
                {
                    var data = CardData.For(new ResumeReply(read), trim);
                    Assert.True(Utf8(CardJson.Templates.Write(format, data)) == BindJson(format, data), $"{format} {trim}");
                }
    }

    /// <summary>What the renderer sends, against the same steps over the data's JSON: the first trim level that fits
    /// Teams' budget, and the Block Kit message made safe.</summary>
    [Fact]
    public void Renderer_EveryReply_SameBytesAsBindingTheDataJson()
    {
        var renderer = CardJson.Renderer;
        foreach (var (name, reply) in Replies())
        {
            IReadOnlyList<ResumeTrim> levels = reply is ResumeReply ? ResumeTrim.Levels : [ResumeTrim.None];
            var card = levels.Select(trim => BindJson(CardTemplates.Adaptive, CardData.For(reply, trim)))
                .First(json => TeamsBudget.ActivityBytes(Encoding.UTF8.GetBytes(json)) <= TeamsBudget.MaxActivityBytes);
            Assert.True(Utf8(renderer.AdaptiveCardJson(reply)) == card, $"adaptive/{name}");

            var slack = SlackLimits.ApplyToJson(Encoding.UTF8.GetBytes(BindJson(CardTemplates.Slack, CardData.For(reply))));
            Assert.True(renderer.SlackMessageJson(reply).AsSpan().SequenceEqual(slack), $"slack/{name}");
        }
    }

    [Fact]
    public void Write_DataOfAnotherKind_Throws()
    {
        var greeting = CardData.For(CardSamples.Realistic["greeting"]);
        var thrown = Assert.Throws<ArgumentException>(() => CardJson.Templates.Write(CardTemplates.Adaptive, greeting with { Kind = "skill" }));
        Assert.Contains("GreetingCardData", thrown.Message, StringComparison.Ordinal);
    }

    private static string BindJson(string format, BoundData data)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            CompiledTemplate.Compile(CardJson.Templates.Get(format, data.Kind)).Bind(TemplateValue.Of(data.Json), writer);
        return Utf8(buffer.WrittenSpan);
    }

    private static string Utf8(ReadOnlySpan<byte> json) => Encoding.UTF8.GetString(json);
}
