using System.Text.Json.Serialization;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Dashboard.Api;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components;
using HoldingToAccount.Dashboard.Health;
using HoldingToAccount.Dashboard.Jobs;
using HoldingToAccount.Dashboard.Observability;
using HoldingToAccount.Dashboard.Public;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace HoldingToAccount.Dashboard;

public static class DashboardSetup
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder, bool forCommandLine = false)
    {
        var services = builder.Services;
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddAccounts();
        if (forCommandLine)
        {
            // A verb's stdout carries only its result (import --json prints one JSON document); logs go to stderr.
            builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            return builder;
        }

        builder.AddSignIn();
        builder.AddJobs();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddApiDocument();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new HourMinuteConverter());
            // Numbers are numbers: a generated client gets integer, not "integer or string".
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        var health = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<MailHealthCheck>("mail");
        if (DatabaseSettings.From(builder.Configuration).IsPostgres)
            health.AddCheck<ChangeFeedHealthCheck>("change-feed");
        services.AddProblemDetails();
        services.AddExports();
        services.AddSingleton<Board.BoardFeed>();
        builder.AddTelemetry();
        return builder;
    }

    public static async Task UseDashboardAsync(this WebApplication app)
    {
        await PrepareDatabaseAsync(app);

        // First, so everything after sees the client's address and scheme as the trusted proxy forwarded them.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        // Pages get a friendly "not found"; the API and feeds keep their own status codes and problem bodies.
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) && context.Request.Headers.Authorization.Count == 0
                && !ApiProblems.IsForPrograms(context.Request.Path) && !context.Request.Path.StartsWithSegments("/ical")
                && !context.Request.Path.StartsWithSegments(PublicEndpoints.Prefix),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseApiProblems();
        app.UsePublicCaching();
        app.UseUnpublishedNotFound();
        app.UseSignIn();
        app.UseRequestLogScope();
        app.UseJobs();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi().RequireAuthorization(Policies.Read);
        app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapApi();
        app.MapCalendarFeeds();
        app.MapPublicPages();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = "'none'")
            .Add(endpoint =>
            {
                // The circuit hub is open so the board's display link works without signing in; every page
                // is still guarded, both on its first request and inside the circuit (AuthorizeRouteView).
                if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.StartsWith("/_blazor", StringComparison.Ordinal))
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            });
    }

    private static async Task PrepareDatabaseAsync(WebApplication app)
    {
        await DatabaseSetup.MigrateAllAsync(app.Services);

        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AppOptions>>().Value;
        if (options.SeedDemoDataOnEmptyDatabase && app.Environment.IsDevelopment())
        {
            var result = await DatabaseSetup.SeedDemoAsync(app.Services);
            if (result.Seeded)
                app.Logger.LogWarning("{Message}", result.Message);
        }
    }
}
