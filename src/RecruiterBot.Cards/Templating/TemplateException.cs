namespace RecruiterBot.Cards.Templating;

/// <summary>A template that cannot be read or bound: bad JSON, an expression outside the supported subset, a null in text.</summary>
public sealed class TemplateException(string message) : Exception(message);
