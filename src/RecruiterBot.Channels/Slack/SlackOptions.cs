using System.ComponentModel.DataAnnotations;

namespace RecruiterBot.Channels.Slack;

/// <summary>The Slack channel's settings (section <c>Slack</c>; environment variables <c>Slack__SigningSecret</c> etc.).</summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>The app's signing secret (Basic Information → App Credentials). The Slack endpoints exist only when it is set.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot user OAuth token (<c>xoxb-…</c>), sent as a bearer token on every outbound call. Required with the signing secret.</summary>
    public string? BotToken { get; set; }

    /// <summary>Base URL of Slack's Web API; tests point it at a local stand-in.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Events and button presses waiting for their reply; when full, Slack gets 503 and retries later.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 1_000;

    /// <summary>Replies sent at the same time.</summary>
    [Range(1, 64)]
    public int MaxConcurrentReplies { get; set; } = 16;

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ApiBaseUrl.IsAbsoluteUri || (ApiBaseUrl.Scheme != Uri.UriSchemeHttps && !(ApiBaseUrl.Scheme == Uri.UriSchemeHttp && ApiBaseUrl.IsLoopback)))
            yield return new ValidationResult("Slack:ApiBaseUrl must be an absolute https URL (http only on loopback)", [nameof(ApiBaseUrl)]);
        if (Enabled && string.IsNullOrWhiteSpace(BotToken))
            yield return new ValidationResult("Slack:BotToken is required when Slack:SigningSecret is set (replies are sent with it)", [nameof(BotToken)]);
    }
}
