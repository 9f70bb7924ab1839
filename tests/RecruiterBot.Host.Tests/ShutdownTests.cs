using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RecruiterBot.Host.Tests.Fakes;
using RecruiterBot.Storage;

namespace RecruiterBot.Host.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stop_WhileAReplyIsInFlight_TheReplyFinishes()
    {
        var store = new GatedConversationStore(TimeProvider.System);
        using var factory = new HostFactory(services: s => s.Replace(ServiceDescriptor.Singleton<IConversationStore>(store)));
        var address = factory.StartKestrel();
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

        var reply = client.PostAsync("/api/chat", HostFactory.Json("""{"text": "what is Celery?"}"""));
        await store.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = factory.Services.GetRequiredService<IHost>().StopAsync();
        await Task.Delay(300); // the host is now draining; the reply is still held at the store
        Assert.False(stopping.IsCompleted);
        store.Gate.SetResult();

        using var response = await reply;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Celery and Background Jobs", await response.Content.ReadAsStringAsync());
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
