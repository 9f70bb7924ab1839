using System.Text.Json.Serialization;

namespace RecruiterBot.Host.Health;

/// <summary>The body of /healthz and /readyz: the overall status and, for /readyz, each dependency as ok, degraded or failed.</summary>
internal sealed record HealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("checks")] IReadOnlyDictionary<string, HealthCheck>? Checks);
