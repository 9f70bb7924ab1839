using System.ComponentModel.DataAnnotations;

namespace RecruiterBot.Channels.WebChat;

/// <summary>Configuration section <c>WebChat</c>: the local chat page and <c>POST /api/chat</c>.</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary><c>WebChat:Enabled</c>: serve the page at <c>/</c> and <c>POST /api/chat</c>. Default true; turn it off
    /// for deployments that only serve Teams and Slack.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>WebChat:MaxRequestBytes</c>: the largest <c>/api/chat</c> body; a larger one gets 413. Default 64 KB,
    /// room for a pasted resume page.</summary>
    [Range(1024, 10 * 1024 * 1024, ErrorMessage = "WebChat:MaxRequestBytes must be between 1024 and 10485760 (bytes)")]
    public int MaxRequestBytes { get; set; } = 64 * 1024;
}
