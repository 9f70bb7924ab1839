using System.ComponentModel.DataAnnotations;

namespace RecruiterBot.Channels.Admin;

/// <summary>Configuration section <c>Admin</c>: the content owner's page <c>/admin</c>.</summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";
    public const int MinTokenLength = 16;

    /// <summary><c>Admin:Token</c>: the secret that signs in to <c>/admin</c> (form or <c>Authorization: Bearer</c>).
    /// Unset: <c>/admin</c> answers 404. At least 16 characters; keep it in user-secrets or an environment variable.</summary>
    public string? Token { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(Token);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && Token!.Length < MinTokenLength)
            yield return new ValidationResult($"Admin:Token must be at least {MinTokenLength} characters when set (leave it empty to turn /admin off)", [nameof(Token)]);
    }
}
