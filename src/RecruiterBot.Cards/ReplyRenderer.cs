using RecruiterBot.Cards.PlainText;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Cards;

/// <summary>Renders a <see cref="BotReply"/> for every channel at once.</summary>
public sealed class ReplyRenderer
{
    public RenderedReply Render(BotReply reply) => new(reply, PlainTextRenderer.Render(reply), Card: null, Slack: null);
}
