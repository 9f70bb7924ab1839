using System.Text.Json.Serialization;

namespace RecruiterBot.Cards.Envelope;

/// <summary>
/// The channel-neutral answer as JSON: printed by <c>ask --json</c>, returned by <c>POST /api/chat</c>, documented in
/// the README. <c>card</c> is the Adaptive Card, <c>slack</c> is <c>{text, blocks}</c> as chat.postMessage takes it.
/// </summary>
public sealed record ReplyEnvelope(
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("conversation")] string? Conversation,
    [property: JsonPropertyName("entries")] IReadOnlyList<EnvelopeEntry> Entries,
    [property: JsonPropertyName("suggestions")] IReadOnlyList<EnvelopeEntry> Suggestions,
    [property: JsonPropertyName("resume")] ResumeEnvelope? Resume,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("card")] WrittenJson? Card,
    [property: JsonPropertyName("slack")] WrittenJson? Slack);

public sealed record EnvelopeEntry(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("category")] string? Category);

public sealed record ResumeEnvelope(
    [property: JsonPropertyName("skills")] IReadOnlyList<ResumeSkillJson> Skills,
    [property: JsonPropertyName("layers")] IReadOnlyList<ResumeLayerJson> Layers,
    [property: JsonPropertyName("signals")] IReadOnlyList<ResumeSignalJson> Signals,
    [property: JsonPropertyName("profile")] ResumeProfileJson Profile,
    [property: JsonPropertyName("gaps")] IReadOnlyList<string> Gaps,
    [property: JsonPropertyName("questions")] IReadOnlyList<EnvelopeEntry> Questions,
    [property: JsonPropertyName("notCounted")] IReadOnlyList<ResumeNotCountedJson> NotCounted,
    [property: JsonPropertyName("alsoMentioned")] IReadOnlyList<string> AlsoMentioned);

public sealed record ResumeSkillJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("evidence")] IReadOnlyList<string> Evidence);

public sealed record ResumeLayerJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("covered")] bool Covered,
    [property: JsonPropertyName("skills")] IReadOnlyList<string> Skills);

public sealed record ResumeSignalJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("met")] bool Met,
    [property: JsonPropertyName("why")] string Why);

public sealed record ResumeProfileJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("why")] string Why);

public sealed record ResumeNotCountedJson(
    [property: JsonPropertyName("skill")] string Skill,
    [property: JsonPropertyName("evidence")] string Evidence,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>The error body every endpoint and <c>ask --jsonl</c> use: one line saying what was wrong.</summary>
public sealed record ErrorEnvelope([property: JsonPropertyName("error")] string Error);
