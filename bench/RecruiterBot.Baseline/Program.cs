// The baseline of the HTTP bench: a bare minimal-API endpoint that reads the request and answers a constant JSON body
// of the size of a typical reply envelope (Baseline:BodyBytes), with the same Kestrel defaults as the host.
// Nothing else: no routing groups, no middleware, no logging per request.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var size = builder.Configuration.GetValue("Baseline:BodyBytes", 4096);
var body = ConstantJson(size);

var app = builder.Build();
app.MapPost("/api/chat", async (HttpRequest request) =>
{
    await request.Body.CopyToAsync(Stream.Null);
    return Results.Bytes(body, "application/json; charset=utf-8");
});
app.MapGet("/healthz", () => Results.Text("{\"status\":\"ok\"}", "application/json"));
app.Run();

// {"text":"xxx…"} padded to exactly `size` bytes.
static byte[] ConstantJson(int size)
{
    const string head = "{\"text\":\"", tail = "\"}";
    var padding = Math.Max(0, size - head.Length - tail.Length);
    return System.Text.Encoding.UTF8.GetBytes(head + new string('x', padding) + tail);
}
