using RecruiterBot.Channels.Conversation;
using RecruiterBot.Channels.Slack;

var builder = WebApplication.CreateBuilder(args);
// 3978 is the Bot Framework convention; --urls and ASPNETCORE_URLS override it.
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://127.0.0.1:3978");

builder.Services.AddRecruiterBotCore();
builder.Services.AddSlackChannel();

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapSlackEndpoints();

app.Run();

public partial class Program;
