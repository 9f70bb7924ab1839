namespace RecruiterBot.Channels.WebChat;

/// <summary>Why a request was refused: the status and the one-line reason sent as <c>{"error": ...}</c>.</summary>
internal sealed record WebChatRejection(int Status, string Reason);
