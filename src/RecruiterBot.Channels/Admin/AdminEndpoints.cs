using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RecruiterBot.Core.Knowledge;
using RecruiterBot.Storage.Stats;

namespace RecruiterBot.Channels.Admin;

/// <summary>
/// The content owner's view of the question log: <c>GET /admin</c> (sign-in form, then the page), <c>POST /admin/sign-in</c>,
/// <c>POST /admin/sign-out</c>, <c>GET /admin/stats.json</c>. Every route answers 404 while <c>Admin:Token</c> is unset.
/// </summary>
public static class AdminEndpoints
{
    public const int DefaultDays = 30;
    public const int MaxDays = 365;
    public const int UnansweredLimit = 50;
    private const int MaxFormBytes = 4096;
    private static readonly TimeSpan StatsBudget = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddAdminPage(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value;
            if (!options.Enabled) return Results.NotFound();
            NoStore(context.HttpContext.Response);
            return await next(context);
        });
        admin.MapGet("", PageAsync);
        admin.MapPost("/sign-in", SignInAsync);
        admin.MapPost("/sign-out", SignOut);
        admin.MapGet("/stats.json", StatsJsonAsync);
        return app;
    }

    private static async Task<IResult> PageAsync(HttpRequest request, IOptions<AdminOptions> options, IQuestionStats stats, KnowledgeBase knowledge,
        TimeProvider time, CancellationToken ct)
    {
        if (!AdminAuth.IsSignedIn(request, options.Value.Token!)) return Html(AdminPage.SignIn(error: null), StatusCodes.Status200OK);
        if (!TryReadDays(request, out var days, out var error)) return Html(AdminPage.Error(error), StatusCodes.Status400BadRequest);
        var (result, failure) = await ReadStatsAsync(stats, time, days, ct);
        return result is null
            ? Html(AdminPage.Error(failure!), StatusCodes.Status503ServiceUnavailable)
            : Html(AdminPage.Dashboard(result, days, time.GetUtcNow(), knowledge), StatusCodes.Status200OK);
    }

    private static async Task<IResult> SignInAsync(HttpRequest request, IOptions<AdminOptions> options, CancellationToken ct)
    {
        if (!request.HasFormContentType) return Error("send the sign-in form (application/x-www-form-urlencoded with a 'token' field)", StatusCodes.Status415UnsupportedMediaType);
        if (request.ContentLength > MaxFormBytes) return Error($"the sign-in form is larger than {MaxFormBytes} bytes", StatusCodes.Status413PayloadTooLarge);
        IFormCollection form;
        try
        {
            form = await new FormFeature(request, new FormOptions { ValueCountLimit = 8, ValueLengthLimit = MaxFormBytes, BufferBodyLengthLimit = MaxFormBytes, MultipartBodyLengthLimit = MaxFormBytes })
                .ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Error("the sign-in form could not be read: " + e.Message, StatusCodes.Status400BadRequest);
        }
        var token = options.Value.Token!;
        if (!AdminAuth.TokenMatches(form["token"].ToString(), token))
            return Html(AdminPage.SignIn("That token is not right."), StatusCodes.Status401Unauthorized);
        AdminAuth.SignIn(request.HttpContext.Response, token);
        return Results.Redirect("/admin", permanent: false, preserveMethod: false);
    }

    private static IResult SignOut(HttpResponse response)
    {
        AdminAuth.SignOut(response);
        return Results.Redirect("/admin");
    }

    private static async Task<IResult> StatsJsonAsync(HttpRequest request, IOptions<AdminOptions> options, IQuestionStats stats, TimeProvider time, CancellationToken ct)
    {
        if (!AdminAuth.IsSignedIn(request, options.Value.Token!))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Error("sign in at /admin or send 'Authorization: Bearer <Admin:Token>'", StatusCodes.Status401Unauthorized);
        }
        if (!TryReadDays(request, out var days, out var error)) return Error(error, StatusCodes.Status400BadRequest);
        var (result, failure) = await ReadStatsAsync(stats, time, days, ct);
        if (result is null) return Error(failure!, StatusCodes.Status503ServiceUnavailable);
        return Results.Text(JsonSerializer.Serialize(result, QuestionStatsJsonContext.Default.QuestionStats), "application/json; charset=utf-8");
    }

    private static async Task<(QuestionStats?, string?)> ReadStatsAsync(IQuestionStats stats, TimeProvider time, int days, CancellationToken ct)
    {
        using var budget = new CancellationTokenSource(StatsBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        try
        {
            // Whole UTC days, so the first bar of the chart is not a partial day.
            var since = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1 - days);
            return (await stats.GetQuestionStatsAsync(since, UnansweredLimit, linked.Token), null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return (null, "the question log is unavailable right now: " + (e is OperationCanceledException ? $"no answer within {StatsBudget.TotalSeconds:0} s" : e.Message));
        }
    }

    private static bool TryReadDays(HttpRequest request, out int days, out string error)
    {
        days = DefaultDays;
        error = "";
        var raw = request.Query["days"];
        if (raw.Count == 0) return true;
        if (raw.Count == 1 && int.TryParse(raw[0], out days) && days is >= 1 and <= MaxDays) return true;
        error = $"'days' must be a whole number from 1 to {MaxDays}";
        return false;
    }

    private static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        // No script at all, nothing from elsewhere: the page is inline HTML, CSS and SVG.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    private static IResult Html(string html, int status) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    private static IResult Error(string message, int status) => Results.Json(new AdminError(message), AdminJsonContext.Default.AdminError, statusCode: status);
}
