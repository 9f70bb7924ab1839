using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecruiterBot.Host.Tests.Fakes;

namespace RecruiterBot.Host.Tests;

/// <summary>The real host (Program.cs) with test settings on top, the shipped knowledge and every log line captured.</summary>
public sealed class HostFactory(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public CapturingLoggerProvider Logs { get; } = new();

    public static string KnowledgeFolder => Path.Combine(AppContext.BaseDirectory, "knowledge");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(config =>
        {
            config.AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Path"] = KnowledgeFolder });
            if (settings is not null) config.AddInMemoryCollection(settings);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>Starts the host on real Kestrel at 127.0.0.1 on a free port (a browser cannot reach the in-memory server).</summary>
    public Uri StartKestrel()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
