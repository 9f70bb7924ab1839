using System.Text.Json.Serialization;

namespace RecruiterBot.LoadGenerator;

/// <summary>What one run measured; printed as one JSON object on stdout.</summary>
public sealed record LoadResult
{
    [JsonPropertyName("target")] public required string Target { get; init; }
    [JsonPropertyName("mode")] public required string Mode { get; init; }
    [JsonPropertyName("connections")] public int Connections { get; init; }
    [JsonPropertyName("rate")] public double Rate { get; init; }
    [JsonPropertyName("seconds")] public double Seconds { get; init; }
    [JsonPropertyName("sent")] public long Sent { get; init; }
    [JsonPropertyName("ok")] public long Ok { get; init; }
    [JsonPropertyName("failed")] public long Failed { get; init; }
    [JsonPropertyName("statuses")] public Dictionary<string, long> Statuses { get; init; } = [];
    /// <summary>Successful responses per second (for Teams and Slack: acknowledgements).</summary>
    [JsonPropertyName("rps")] public double Rps { get; init; }
    [JsonPropertyName("p50Ms")] public double P50Ms { get; init; }
    [JsonPropertyName("p99Ms")] public double P99Ms { get; init; }
    [JsonPropertyName("maxMs")] public double MaxMs { get; init; }
    [JsonPropertyName("meanResponseBytes")] public double MeanResponseBytes { get; init; }
    [JsonPropertyName("delivery")] public DeliveryResult? Delivery { get; init; }
    /// <summary>The generator's own CPU time while it sent the counted requests: on the bench's shared cores, what the
    /// load itself took from the server it measures.</summary>
    [JsonPropertyName("cpuSeconds")] public double CpuSeconds { get; init; }
}

/// <summary>Replies that reached the stand-in: from the request's (scheduled) send time to the reply's arrival.</summary>
public sealed record DeliveryResult
{
    [JsonPropertyName("acknowledged")] public long Acknowledged { get; init; }
    [JsonPropertyName("delivered")] public long Delivered { get; init; }
    [JsonPropertyName("late")] public long Late { get; init; }
    [JsonPropertyName("missing")] public long Missing { get; init; }
    /// <summary>Replies delivered within the deadline per second of the run: the figure Teams and Slack are scored on.</summary>
    [JsonPropertyName("rps")] public double Rps { get; init; }
    [JsonPropertyName("p50Ms")] public double P50Ms { get; init; }
    [JsonPropertyName("p99Ms")] public double P99Ms { get; init; }
}
