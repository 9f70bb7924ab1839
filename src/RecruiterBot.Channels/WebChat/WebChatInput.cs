using RecruiterBot.Core.Conversation;

namespace RecruiterBot.Channels.WebChat;

/// <summary>A web chat request that passed every check: what the turn needs.</summary>
internal sealed record WebChatInput(IncomingMessage Message, string Conversation, string? RequestId);
