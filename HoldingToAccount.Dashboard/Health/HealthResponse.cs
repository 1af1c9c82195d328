using System.Text.Json;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HoldingToAccount.Dashboard.Health;

/// <summary>
/// /healthz is open so a load balancer or monitor can probe it: anyone gets the overall status (and 503 when
/// Unhealthy). Only a signed-in secretariat gets each check with its description, which names servers and folders.
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        object body = MaySeeDetails(context)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    private static bool MaySeeDetails(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.ToActor().May(Permission.Administer);
}
