using System.Globalization;
using HoldingToAccount.Core.Insights;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoldingToAccount.Dashboard.Api;

/// <summary>The Insights page's chart data as CSV, for the same roles as the page.</summary>
public static class InsightsEndpoints
{
    internal static void MapInsights(this RouteGroupBuilder api)
    {
        api.MapGet("/insights.csv", async Task<Results<FileContentHttpResult, NotFound, BadRequest<string>>> (
                string? figure, int? series, string? from, string? to, InsightsService insights, HttpContext context, CancellationToken ct) =>
            {
                var name = string.IsNullOrWhiteSpace(figure) ? InsightsCsv.Figures[0] : figure.Trim().ToLowerInvariant();
                if (!InsightsCsv.Figures.Contains(name))
                    return TypedResults.BadRequest($"Unknown figure '{figure}'. Use one of: {string.Join(", ", InsightsCsv.Figures)}.");
                if (!TryDate(from, out var start) || !TryDate(to, out var end))
                    return TypedResults.BadRequest("Write dates as YYYY-MM-DD.");
                var query = await insights.QueryAsync(series, start, end, ct);
                if (query is null)
                    return TypedResults.NotFound();
                var csv = InsightsCsv.Write(name, await insights.AllAsync(query, context.User.ToActor(), ct))!;
                return TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray(),
                    InsightsCsv.ContentType, InsightsCsv.FileName(name, query));
            })
            .RequireAuthorization(Auth.Policies.Insights)
            .WithTags("Insights")
            .WithSummary("One figure of the Insights page as CSV: figure = meetings | updates | close-times | carried | escalations | revisits; series (id) and from/to (YYYY-MM-DD) as on the page, by default the series with most meetings and the twelve months to its latest held meeting.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return false;
        date = d;
        return true;
    }
}
