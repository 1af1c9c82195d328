namespace HoldingToAccount.Dashboard.Api;

public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Auth.Policies.Read).AddEndpointFilter<DomainErrorFilter>();
        api.MapMeetings();
        api.MapActions();
        api.MapExports();
        api.MapInsights();
        return app;
    }
}
