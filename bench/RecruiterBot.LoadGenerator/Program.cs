using System.Net;
using System.Text.Json;
using RecruiterBot.LoadGenerator;

// One load run against one endpoint on loopback; prints one JSON object (LoadResult). Started by bench/RecruiterBot.HttpBench.
LoadOptions options;
try { options = LoadOptions.Parse(args); }
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (!options.Url.IsLoopback || options.StandIn is { IsLoopback: false })
{
    Console.Error.WriteLine("only loopback targets are allowed");
    return 2;
}

var target = Target.Create(options.Target, options.Url, options);
using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Connections,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseProxy = false,
    UseCookies = false,
    AutomaticDecompression = DecompressionMethods.None,
};
using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
var result = await new Runner(options, target, http).RunAsync();
Console.WriteLine(JsonSerializer.Serialize(result, BenchJsonContext.Default.LoadResult));
return 0;
