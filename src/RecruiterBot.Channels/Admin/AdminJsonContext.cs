using System.Text.Json.Serialization;

namespace RecruiterBot.Channels.Admin;

[JsonSerializable(typeof(AdminError))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
