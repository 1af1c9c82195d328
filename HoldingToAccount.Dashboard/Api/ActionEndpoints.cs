using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoldingToAccount.Dashboard.Api;

internal static class ActionEndpoints
{
    /// <summary>The "status" query parameter the register and its exports share.</summary>
    public static ActionStatus? ParseStatus(string? status) =>
        string.IsNullOrWhiteSpace(status)
            ? null
            : Enum.TryParse<ActionStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s)
                ? s
                : throw new DomainException($"Unknown status '{status}'. Use one of: {string.Join(", ", Enum.GetNames<ActionStatus>())}.");

    public static void MapActions(this RouteGroupBuilder api)
    {
        var actions = api.MapGroup("/actions").WithTags("Actions");

        actions.MapGet("/", async (string? owner, string? status, string? q, int? page, int? pageSize, ActionService service, CancellationToken ct) =>
        {
            var parsed = ParseStatus(status);
            var size = Math.Clamp(pageSize ?? 50, 1, 500);
            var number = Math.Max(1, page ?? 1);
            var result = await service.FindAsync(new ActionFilter(owner, parsed, q), (number - 1) * size, size, ct);
            return TypedResults.Ok(new ActionPage(result.Items, result.Total, number, size));
        })
        .WithSummary("The register, newest first, filtered by owner role code, status and text (or a reference).");

        actions.MapGet("/{reference}", async Task<Results<Ok<ActionDetail>, NotFound>> (string reference, ActionService service, CancellationToken ct) =>
            await service.GetAsync(reference, ct) is { } action ? TypedResults.Ok(action) : TypedResults.NotFound())
            .WithSummary("One action by reference, with '/' written '-' (2017-03), and its updates.");

        actions.MapPost("/{reference}/updates", async Task<Results<Created<ActionDetail>, NotFound>> (
                string reference, NewUpdate body, ActionService service, HttpContext context, CancellationToken ct) =>
            {
                ActionStatus? status = body.Status switch
                {
                    null or "" => null,
                    var s when Enum.TryParse<ActionStatus>(s, ignoreCase: true, out var parsed) => parsed,
                    var s => throw new DomainException($"Unknown status '{s}'. An update may set UpdateProvided or ProposedComplete."),
                };
                await service.AddUpdateAsync(reference, body.Version, body.Text ?? "", status, context.User.ToActor(), ct: ct);
                var detail = await service.GetAsync(reference, ct);
                return detail is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/actions/{ActionReference.ToUrl(detail.Action.Reference)}", detail);
            })
            .RequireAuthorization(Auth.Policies.Update)
            .WithSummary("Posts a dated update (optionally proposing completion). Officers may update only actions owned by a role they hold today. Give the version you read to have a stale edit refused (409).");
    }
}

/// <summary>An update as posted to the API: the text, an optional new status, and the version the writer last read.</summary>
internal sealed record NewUpdate(string? Text, string? Status, int? Version);

internal sealed record ActionPage(IReadOnlyList<ActionRow> Items, int Total, int Page, int PageSize);
