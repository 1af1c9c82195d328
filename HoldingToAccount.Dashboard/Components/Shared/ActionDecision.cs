namespace HoldingToAccount.Dashboard.Components.Shared;

/// <summary>The decisions the chair and secretariat take on an action, each confirmed in <see cref="ActionDecisionDialog"/> with a reason.</summary>
public enum ActionDecision { Close, Carry, Defer, Redate, Cancel, Reassign }

/// <summary>What the dialog reports back: saved (with the message for the snackbar), or refused because the action changed meanwhile.</summary>
public sealed record DecisionOutcome(bool Saved, bool Stale, string Message);

public static class ActionDecisions
{
    public static string Verb(ActionDecision decision) => decision switch
    {
        ActionDecision.Close => "Close",
        ActionDecision.Carry => "Carry to a meeting",
        ActionDecision.Defer => "Defer to next meeting",
        ActionDecision.Redate => "Re-date",
        ActionDecision.Cancel => "Cancel action",
        _ => "Reassign",
    };

    public static string Done(ActionDecision decision, string reference) => decision switch
    {
        ActionDecision.Close => $"Action {reference} closed.",
        ActionDecision.Carry => $"Action {reference} carried.",
        ActionDecision.Defer => $"Action {reference} deferred to the next meeting.",
        ActionDecision.Redate => $"Action {reference} re-dated.",
        ActionDecision.Cancel => $"Action {reference} cancelled.",
        _ => $"Action {reference} reassigned.",
    };
}

public static class ActionDecisionDialogs
{
    /// <summary>Opens the confirmation dialog and reports the outcome in a snackbar.
    /// Returns true when the caller should reload (the decision was saved, or the action had changed meanwhile).</summary>
    public static async Task<bool> DecideAsync(this MudBlazor.IDialogService dialogs, MudBlazor.ISnackbar snackbar,
        Core.Actions.ActionRow action, ActionDecision decision, Core.Access.Actor actor, int? atMeetingId = null)
    {
        var parameters = new MudBlazor.DialogParameters<ActionDecisionDialog>
        {
            { d => d.Action, action },
            { d => d.Decision, decision },
            { d => d.Actor, actor },
            { d => d.AtMeetingId, atMeetingId },
        };
        var options = new MudBlazor.DialogOptions { MaxWidth = MudBlazor.MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<ActionDecisionDialog>($"{ActionDecisions.Verb(decision)}: action {action.Reference}", parameters, options);
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not DecisionOutcome outcome)
            return false;
        if (outcome.Stale)
            snackbar.Add(outcome.Message + " It has been reloaded.", MudBlazor.Severity.Warning);
        else
            snackbar.Add(outcome.Message, MudBlazor.Severity.Success);
        return true;
    }
}
