using System.Text.Json;
using System.Text.Json.Nodes;
using RecruiterBot.Cards;
using RecruiterBot.Cards.Envelope;
using RecruiterBot.Cards.Slack;
using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Channels.Slack;

/// <summary>What the bot sends to Slack: a rendered reply as text and blocks, the "Share in channel" button, the App Home view.</summary>
internal static class SlackMessages
{
    public const string ShareActionId = "share";

    /// <summary>In a share's data, marks an interview question that was shown without its strong answer.</summary>
    public const string QuestionOnly = "question";

    /// <summary>The Block Kit rendering (escaped and within Slack's limits by the card renderer); the escaped plain text when there is none.</summary>
    /// <remarks>The blocks as nodes, for a message that gets a button added; <see cref="RenderWritten"/> reads the message.</remarks>
    public static (string Text, JsonArray? Blocks) Render(RenderedReply reply)
    {
        var (text, blocks) = RenderWritten(reply);
        return (text, blocks is null ? null : JsonNode.Parse(blocks.Utf8.Span) as JsonArray);
    }

    /// <summary><see cref="Render"/> for a message posted as it is: the blocks are copied from the bound message as
    /// written, without reading them into nodes.</summary>
    public static (string Text, WrittenJson? Blocks) RenderWritten(RenderedReply reply)
    {
        if (reply.SlackJson is not { } json) return (Fallback(reply), null);
        string? text = null;
        WrittenJson? blocks = null;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isText = reader.ValueTextEquals("text"u8);
            var isBlocks = reader.ValueTextEquals("blocks"u8);
            reader.Read();
            if (isText && reader.TokenType == JsonTokenType.String) text = reader.GetString();
            else if (isBlocks && reader.TokenType == JsonTokenType.StartArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                blocks = new WrittenJson(json.AsMemory(start, (int)reader.BytesConsumed - start));
            }
            else reader.Skip();
        }
        return (string.IsNullOrEmpty(text) ? Fallback(reply) : text, blocks);
    }

    private static string Fallback(RenderedReply reply) => SlackLimits.Cut(SlackLimits.Escape(reply.Text), SlackLimits.MaxSectionText);

    /// <summary>A reply for a <c>response_url</c> or a slash command's response.</summary>
    public static SlackCommandResponse Message(RenderedReply reply, string responseType)
    {
        var (text, blocks) = Render(reply);
        return new SlackCommandResponse { ResponseType = responseType, Text = text, Blocks = blocks };
    }

    /// <summary>An answer only the asker sees, with "Share in channel" when the answer can be shared.</summary>
    public static SlackCommandResponse CommandAnswer(RenderedReply reply)
    {
        var message = Message(reply, SlackCommandResponse.Ephemeral);
        return ShareAction(reply.Reply) is { } share
            ? message with { Blocks = WithShareButton(message.Text!, message.Blocks, share) }
            : message;
    }

    /// <summary>
    /// The data that renders the same answer again, for "Share in channel"; null for answers that cannot be shared that
    /// way (a resume read: its text is kept nowhere, so a share could not repeat it).
    /// </summary>
    public static CardAction? ShareAction(BotReply reply) => reply switch
    {
        SkillReply s => new CardAction(CardAction.Define, EntryRef.Skill, s.Skill.Id),
        GlossaryReply g => new CardAction(CardAction.Define, EntryRef.Glossary, g.Term.Id),
        InterviewReply i => new CardAction(CardAction.Answer, i.ShowAnswer ? null : QuestionOnly, i.Check.Id),
        OverviewReply => new CardAction(CardAction.Overview),
        _ => null,
    };

    /// <summary>The shared answer: <paramref name="reply"/> (the turn's answer to the share data) as it was first shown.</summary>
    public static BotReply AsShared(BotReply reply, CardAction share) =>
        reply is InterviewReply interview && share.Kind == QuestionOnly ? interview with { ShowAnswer = false } : reply;

    /// <summary>The message's blocks with a "Share in channel" button appended (slash-command answers are only visible to the asker).</summary>
    public static JsonArray WithShareButton(string text, JsonArray? blocks, CardAction share)
    {
        var result = blocks ?? [new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text } }];
        if (result.Count >= SlackLimits.MaxBlocks) return result;
        result.Add(new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = "share",
            ["elements"] = new JsonArray(Button("Share in channel", ShareActionId, ActionValue(share))),
        });
        return result;
    }

    public static JsonObject Button(string label, string actionId, string value, string? style = null)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
            ["action_id"] = actionId,
            ["value"] = value,
        };
        if (style is not null) button["style"] = style;
        return button;
    }

    /// <summary>A button's <c>value</c>: the card action data, the same JSON as every channel's buttons.</summary>
    public static string ActionValue(CardAction action) =>
        JsonSerializer.Serialize(action.ToData(), SlackJsonContext.Default.DictionaryStringString);

    /// <summary>The App Home tab: what the bot does and a button for each of its three main uses.</summary>
    public static JsonObject HomeView() => new()
    {
        ["type"] = "home",
        ["blocks"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "RecruiterBot" },
            },
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject
                {
                    ["type"] = "mrkdwn",
                    ["text"] = "I explain the full-stack Python stack in plain English.\n"
                        + "• *Ask what something is*: `what is Celery?`, `explain k8s`, `DRF?`\n"
                        + "• *Get an interview question*: `interview question`, `a data question`, `question about Redis`\n"
                        + "• *Read a resume snippet*: paste a skills line or a few bullets and I show the stack it covers, the gaps and what to ask.\n"
                        + "Message me in the Messages tab, mention me in a channel, or use `/recruiter help`.",
                },
            },
            new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = "home",
                ["elements"] = new JsonArray(
                    Button("Explain the stack", "home-overview", ActionValue(new CardAction(CardAction.Overview)), "primary"),
                    Button("Interview question", "home-interview", ActionValue(new CardAction(CardAction.Interview))),
                    Button("Read a resume", "home-resume", ActionValue(new CardAction(CardAction.ResumeHelp)))),
            },
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = "I keep nothing of what you paste." }),
            }),
    };

    /// <summary>The conversation a Slack message belongs to: team, channel, thread (when in one) and user.</summary>
    public static string ConversationKey(string? team, string channel, string? threadTs, string user) =>
        $"slack:{team ?? "-"}:{channel}:{threadTs ?? "-"}:{user}";
}
