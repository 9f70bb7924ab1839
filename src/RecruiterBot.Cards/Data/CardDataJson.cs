using System.Text.Json.Serialization;

namespace RecruiterBot.Cards.Data;

/// <summary>How card data is written for binding: camelCase, and nulls kept (a template guards an optional part with
/// <c>$when: "${exists(meaning)}"</c>; a missing field would be left as written by the templating language).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SkillCardData))]
[JsonSerializable(typeof(GlossaryCardData))]
[JsonSerializable(typeof(InterviewCardData))]
[JsonSerializable(typeof(ResumeCardData))]
[JsonSerializable(typeof(OverviewCardData))]
[JsonSerializable(typeof(HelpCardData))]
[JsonSerializable(typeof(GreetingCardData))]
[JsonSerializable(typeof(UnknownCardData))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class CardDataJson : JsonSerializerContext;
