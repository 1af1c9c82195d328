namespace HoldingToAccount.Dashboard.Api;

/// <summary>
/// One error shape for the API: every 4xx and 5xx under /api and /openapi is an RFC 9457 problem document, whether
/// it comes from an endpoint, the sign-in (401, 403), the rate limit (429), routing (404, 405) or an exception (500).
/// </summary>
public static class ApiProblems
{
    /// <summary>Addresses read by programs, which get status codes and problem documents, never the sign-in page.</summary>
    public static bool IsForPrograms(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    public static void UseApiProblems(this WebApplication app) =>
        app.UseWhen(context => IsForPrograms(context.Request.Path), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });
}
