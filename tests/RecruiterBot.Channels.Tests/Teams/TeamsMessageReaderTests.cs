using System.Text.Json;
using RecruiterBot.Channels.Teams;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Channels.Tests.Teams;

public sealed class TeamsMessageReaderTests
{
    private static TeamsActivity Parse(string json) => JsonSerializer.Deserialize<TeamsActivity>(json)!;

    [Fact]
    public void TextWithoutBotMention_BotAndOtherMention_OnlyBotsRemoved()
    {
        var activity = Parse("""
            {"type":"message","text":"\r\n<at>RecruiterBot</at> ask <at>Megan</at> about Celery\r\n",
             "recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","text":"<at>RecruiterBot</at>","mentioned":{"id":"28:bot","name":"RecruiterBot"}},
                         {"type":"mention","text":"<at>Megan</at>","mentioned":{"id":"29:megan","name":"Megan"}}]}
            """);

        Assert.Equal("ask <at>Megan</at> about Celery", TeamsMessageReader.TextWithoutBotMention(activity));
    }

    [Fact]
    public void TextWithoutBotMention_EntityWithoutText_UsesName()
    {
        var activity = Parse("""
            {"type":"message","text":"<AT>RecruiterBot</AT> what is Django?","recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"RecruiterBot"}}]}
            """);

        Assert.Equal("what is Django?", TeamsMessageReader.TextWithoutBotMention(activity));
    }

    [Theory]
    [InlineData("personal", "a:1", "msteams:a:1")]
    [InlineData("groupChat", "19:g@thread.v2", "msteams:19:g@thread.v2|29:u")]
    [InlineData("channel", "19:c@thread.skype;messageid=17", "msteams:19:c@thread.skype|29:u")]
    public void ConversationKey_PerConversationAndPersonInSharedOnes(string type, string id, string expected)
    {
        var activity = Parse($$$"""{"type":"message","from":{"id":"29:u"},"conversation":{"id":"{{{id}}}","conversationType":"{{{type}}}"}}""");

        Assert.Equal(expected, TeamsMessageReader.ConversationKey(activity));
    }

    [Theory]
    [InlineData("application/vnd.microsoft.teams.file.download.info", true)]
    [InlineData("application/pdf", true)]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", true)]
    [InlineData("text/html", false)]
    [InlineData("application/vnd.microsoft.card.adaptive", false)]
    public void ToIncomingMessage_Attachments_FileOrNot(string contentType, bool isFile)
    {
        var activity = Parse($$"""{"type":"message","text":"","attachments":[{"contentType":"{{contentType}}"}]}""");

        Assert.Equal(isFile, TeamsMessageReader.ToIncomingMessage(activity).HasFile);
    }

    [Fact]
    public void ToIncomingMessage_UnreadableValue_UnknownActionNotError()
    {
        var activity = Parse("""{"type":"message","value":{"verb":"nothing we know"}}""");

        Assert.Equal(new CardAction("unknown"), TeamsMessageReader.ToIncomingMessage(activity).Action);
    }

    [Theory]
    [InlineData("""{"type":"installationUpdate","action":"add"}""", true)]
    [InlineData("""{"type":"installationUpdate","action":"add-upgrade"}""", true)]
    [InlineData("""{"type":"installationUpdate","action":"remove"}""", false)]
    [InlineData("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"29:u"},{"id":"28:bot"}]}""", true)]
    [InlineData("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"29:u"}]}""", false)]
    [InlineData("""{"type":"message","recipient":{"id":"28:bot"},"membersAdded":[{"id":"28:bot"}]}""", false)]
    public void WelcomesBot(string json, bool expected) => Assert.Equal(expected, TeamsMessageReader.WelcomesBot(Parse(json)));
}
