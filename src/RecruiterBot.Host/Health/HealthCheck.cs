using System.Text.Json.Serialization;

namespace RecruiterBot.Host.Health;

internal sealed record HealthCheck(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("detail")] string Detail);
