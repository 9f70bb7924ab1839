using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RecruiterBot.Host.Tests.Fakes;
using RecruiterBot.Storage;

namespace RecruiterBot.Host.Tests.Health;

public sealed class HealthEndpointTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HostFactory factory, string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Healthz_Running_200Ok()
    {
        using var factory = new HostFactory();

        var (status, body) = await GetAsync(factory, "/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_KnowledgeLoaded_200WithEachDependencyOk()
    {
        using var factory = new HostFactory();

        var (status, body) = await GetAsync(factory, "/readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("knowledge").GetProperty("status").GetString());
        Assert.Contains("skills", body.GetProperty("checks").GetProperty("knowledge").GetProperty("detail").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_KnowledgeFolderMissing_503AndChatSays503()
    {
        var missing = Path.Combine(Path.GetTempPath(), "recruiterbot-no-knowledge-" + Guid.NewGuid().ToString("N"));
        using var factory = new HostFactory(new Dictionary<string, string?> { ["Knowledge:Path"] = missing });

        var (status, body) = await GetAsync(factory, "/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var knowledge = body.GetProperty("checks").GetProperty("knowledge");
        Assert.Equal("failed", knowledge.GetProperty("status").GetString());
        Assert.Contains("Knowledge:Path", knowledge.GetProperty("detail").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/healthz")).Status);
        using var chat = await factory.CreateClient().PostAsync("/api/chat", HostFactory.Json("""{"text": "what is Celery?"}"""));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, chat.StatusCode);
        Assert.Contains("knowledge base is not loaded", await chat.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Chat_KnowledgeFolderAppearsLater_AnswersWithoutARestart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "recruiterbot-late-knowledge-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var factory = new HostFactory(new Dictionary<string, string?> { ["Knowledge:Path"] = folder });
            var client = factory.CreateClient();
            using (var before = await client.PostAsync("/api/chat", HostFactory.Json("""{"text": "what is Celery?"}""")))
                Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);

            Directory.CreateDirectory(folder);
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "knowledge"), "*.yaml"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));

            using var after = await client.PostAsync("/api/chat", HostFactory.Json("""{"text": "what is Celery?"}"""));
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Contains("celery", await after.Content.ReadAsStringAsync());
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Readyz_StoreUnhealthy_200WithStoreDegraded(bool throws)
    {
        using var factory = new HostFactory(services: s =>
            s.Replace(ServiceDescriptor.Singleton<IConversationStore>(new UnhealthyConversationStore(TimeProvider.System, throws))));

        var (status, body) = await GetAsync(factory, "/readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal("degraded", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
    }
}
