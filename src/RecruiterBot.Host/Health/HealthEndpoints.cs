using RecruiterBot.Core.Knowledge;
using RecruiterBot.Storage;

namespace RecruiterBot.Host.Health;

/// <summary>
/// <c>GET /healthz</c>: the process answers. <c>GET /readyz</c>: 503 only when the knowledge base is not loaded; a
/// degraded store is reported but keeps the instance in rotation, since it can still answer.
/// </summary>
internal static class HealthEndpoints
{
    public const string Ok = "ok";
    public const string Degraded = "degraded";
    public const string Failed = "failed";

    /// <summary>How long the store may take to say it is healthy before it is reported degraded.</summary>
    public static readonly TimeSpan StoreCheckTimeout = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Json(new HealthReport(Ok, null), HealthJson.Default.HealthReport));
        app.MapGet("/readyz", ReadyAsync);
        return app;
    }

    private static async Task<IResult> ReadyAsync(IServiceProvider services, IConversationStore store, CancellationToken ct)
    {
        var knowledge = CheckKnowledge(services);
        var storeCheck = await CheckStoreAsync(store, ct);
        var ready = knowledge.Status == Ok;
        // A degraded store shows in the overall status but keeps the 200: the instance still answers.
        var overall = !ready ? Failed : storeCheck.Status == Ok ? Ok : Degraded;
        var report = new HealthReport(overall, new Dictionary<string, HealthCheck> { ["knowledge"] = knowledge, ["store"] = storeCheck });
        return Results.Json(report, HealthJson.Default.HealthReport, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static HealthCheck CheckKnowledge(IServiceProvider services)
    {
        try
        {
            var kb = services.GetRequiredService<KnowledgeBase>();
            return new HealthCheck(Ok, $"{kb.Skills.Count} skills, {kb.Glossary.Count} glossary terms, {kb.Interview.Count} interview checks");
        }
        catch (KnowledgeLoadException e)
        {
            var first = e.Problems.Count > 0 ? e.Problems[0].ToString() : "no details";
            return new HealthCheck(Failed, $"{e.Problems.Count} problem(s) loading the knowledge (Knowledge:Path); first: {first}");
        }
    }

    private static async Task<HealthCheck> CheckStoreAsync(IConversationStore store, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StoreCheckTimeout);
        try
        {
            var health = await store.CheckHealthAsync(timeout.Token).WaitAsync(timeout.Token);
            return new HealthCheck(health.Ok ? Ok : Degraded, $"{health.Provider}: {health.Detail}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new HealthCheck(Degraded, $"no answer within {StoreCheckTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheck(Degraded, e.GetType().Name);
        }
    }
}
