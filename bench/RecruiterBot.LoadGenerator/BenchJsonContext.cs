using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RecruiterBot.LoadGenerator;

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(LoadResult))]
public sealed partial class BenchJsonContext : JsonSerializerContext;
