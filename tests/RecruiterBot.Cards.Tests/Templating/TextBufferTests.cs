using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecruiterBot.Cards.Templating;

namespace RecruiterBot.Cards.Tests.Templating;

/// <summary>Texts made of parts are bound in a buffer kept per thread; a huge one must not keep it huge.</summary>
public sealed class TextBufferTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Compile(JsonNode.Parse("""{"text": "Seen: ${value}."}""")!);

    [Fact]
    public void Bind_HugeTextThenASmallOne_TheThreadKeepsNoHugeBuffer()
    {
        var huge = new string('x', 10 * TextNode.MaxKeptChars);

        var first = Bind(huge);
        Assert.True(TextNode.KeptChars >= huge.Length);
        var second = Bind("Celery");

        Assert.Equal("Seen: " + huge + ".", first);
        Assert.Equal("Seen: Celery.", second);
        Assert.InRange(TextNode.KeptChars, 1, TextNode.MaxKeptChars);
    }

    private static string Bind(string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            Template.Bind(TemplateValue.Of(JsonSerializer.SerializeToElement(new { value })), writer);
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement.GetProperty("text").GetString()!;
    }
}
