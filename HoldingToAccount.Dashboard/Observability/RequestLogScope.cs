using System.Security.Claims;

namespace HoldingToAccount.Dashboard.Observability;

/// <summary>
/// Every log line written while a request is handled carries its request id and who made it (the account's id, never
/// the e-mail address, password or token), so an operator can follow one person's failing request through the logs.
/// The same id goes back to the browser in <c>X-Request-Id</c>, which is what a person reporting a problem can quote.
/// </summary>
public static class RequestLogScope
{
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>After authentication, so the signed-in person is known.</summary>
    public static IApplicationBuilder UseRequestLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestLogScope).FullName!);
        return app.Use(async (context, next) =>
        {
            context.Response.Headers[RequestIdHeader] = context.TraceIdentifier;
            using (logger.BeginScope(Fields(context)))
                await next(context);
        });
    }

    private static Dictionary<string, object?> Fields(HttpContext context)
    {
        var fields = new Dictionary<string, object?> { ["RequestId"] = context.TraceIdentifier };
        if (context.User.Identity is { IsAuthenticated: true } identity)
        {
            fields["UserId"] = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            fields["SignedInWith"] = identity.AuthenticationType;
        }
        return fields;
    }
}
