using RecruiterBot.Channels.Admin;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Channels.Slack;
using RecruiterBot.Storage;

var builder = WebApplication.CreateBuilder(args);
// 3978 is the Bot Framework convention; --urls and ASPNETCORE_URLS override it.
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://127.0.0.1:3978");

builder.Services.AddRecruiterBotCore();
builder.Services.AddSlackChannel();
builder.Services.AddAdminPage();

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapSlackEndpoints();
// Storage only for now; a dead store is "degraded", not "down": the bot still answers without it.
app.MapGet("/readyz", async (IConversationStore store, CancellationToken ct) =>
{
    var storage = await store.CheckHealthAsync(ct);
    return Results.Ok(new { status = storage.Ok ? "ready" : "degraded", storage = new { ok = storage.Ok, provider = storage.Provider, detail = storage.Detail } });
});
app.MapAdminEndpoints();

app.Run();

public partial class Program;
