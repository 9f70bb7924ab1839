using System.Text.Json.Nodes;
using RecruiterBot.Cards;
using RecruiterBot.Channels.Slack;
using RecruiterBot.Core.Conversation;
using RecruiterBot.Core.Knowledge;

namespace RecruiterBot.Channels.Tests.Slack;

public sealed class SlackMessagesTests
{
    private static readonly TurnHandler Turns = TurnHandler.Create(KnowledgeLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "knowledge")));
    private static readonly ReplyRenderer Renderer = new();

    public static TheoryData<string> Questions() =>
    [
        "what is Celery?", "what is flask", "interview question", "overview", "help", "hi", "what is celery juice",
        "Built REST APIs with Django and DRF, Postgres, Celery and Redis; deployed with Docker on AWS, CI with GitHub Actions. React front end.",
        "<!channel> what is a <b>Django</b> & ORM?",
    ];

    [Theory]
    [MemberData(nameof(Questions))]
    public void RenderWritten_AnyReply_TheBoundMessagesTextAndBlocks(string question)
    {
        var reply = Renderer.Render(Turns.Reply(IncomingMessage.FromText(question), ConversationState.New(1)).Reply);
        var message = reply.Slack!;

        var (text, blocks) = SlackMessages.RenderWritten(reply);
        var (_, nodes) = SlackMessages.Render(reply);

        Assert.Equal(message["text"]!.GetValue<string>(), text);
        Assert.NotNull(blocks);
        Assert.True(JsonNode.DeepEquals(message["blocks"], JsonNode.Parse(blocks.Utf8.Span)), blocks.ToString());
        Assert.True(JsonNode.DeepEquals(message["blocks"], nodes));
    }

    [Fact]
    public void RenderWritten_NoBlockKitMessage_EscapedPlainText()
    {
        var reply = new RenderedReply(new GreetingReply(), "a <b> & c", card: null, slack: null);

        var (text, blocks) = SlackMessages.RenderWritten(reply);

        Assert.Equal("a &lt;b&gt; &amp; c", text);
        Assert.Null(blocks);
    }
}
