using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoldingToAccount.Dashboard.Api;

internal static class ActionEndpoints
{
    /// <summary>
    /// The register's filter from the query parameters the list and its exports share: owner role code, status
    /// (<see cref="StatusFilter"/>: "open" is every action not closed or cancelled) and text or a reference.
    /// </summary>
    public static ActionFilter Filter(string? owner, string? status, string? q) =>
        StatusFilter.Apply(StatusFilter.Parse(status), new ActionFilter(owner, Text: q));

    public static void MapActions(this RouteGroupBuilder api)
    {
        var actions = api.MapGroup("/actions").WithTags("Actions");

        actions.MapGet("/", async (string? owner, string? status, string? q, int? page, int? pageSize, ActionService service, CancellationToken ct) =>
        {
            var result = await service.PageAsync(Filter(owner, status, q), page, pageSize, ct);
            return TypedResults.Ok(new ActionPage(result.Items, result.Total, result.Number, result.Size));
        })
        .WithSummary("The register, newest first, filtered by owner role code, status (\"open\" is every action not closed or cancelled; or one of awaiting-update, UpdateProvided, ProposedComplete, Closed, Cancelled) and text: every word, in any order, starting a word of the action, its agenda item or its updates (or a reference). page counts from 1 (pageSize 1-500, default 50); a page past the end comes back empty.");

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
