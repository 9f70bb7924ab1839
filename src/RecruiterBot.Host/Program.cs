using RecruiterBot.Channels.Admin;
using RecruiterBot.Channels.Conversation;
using RecruiterBot.Channels.Slack;
using RecruiterBot.Channels.Teams;
using RecruiterBot.Channels.WebChat;
using RecruiterBot.Host;
using RecruiterBot.Host.Health;

var builder = WebApplication.CreateBuilder(args);
// 3978 is the Bot Framework convention; --urls and ASPNETCORE_URLS override it.
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://127.0.0.1:3978");

builder.Services.AddRecruiterBotCore();
builder.Services.AddWebChatChannel();
builder.Services.AddTeamsChannel();
builder.Services.AddSlackChannel();
builder.Services.AddAdminPage();

var app = builder.Build();

app.MapHealthEndpoints();
app.MapWebChatEndpoints(WebChatPage.Files);
app.MapTeamsEndpoints();
app.MapSlackEndpoints();
app.MapAdminEndpoints();
app.LogStartupSummary();

app.Run();

public partial class Program;
