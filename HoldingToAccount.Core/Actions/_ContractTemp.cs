namespace HoldingToAccount.Core.Actions;

public sealed record CorrectedFields(string? Text = null, IReadOnlyList<string>? OwnerCodes = null, string? DuePhrase = null, int? DueMeetingId = null);

public sealed partial class ActionService
{
    public async Task ReopenAsync(string reference, int expectedVersion, string reason, HoldingToAccount.Core.Access.Actor actor, int? atMeetingId = null, CancellationToken ct = default) =>
        await ChangeAsync(reference, expectedVersion, actor, ct, (db, action) =>
        {
            HoldingToAccount.Core.Access.ActionPermissions.Demand(actor, HoldingToAccount.Core.Access.Permission.RunMeetings, "reopen an action");
            action.Reopen(London.Today(clock), $"Reopened. {Reason(reason, "reopening the action")}", actor.Name, clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        });
}
