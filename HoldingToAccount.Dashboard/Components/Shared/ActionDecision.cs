using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Dashboard.Components.Shared;

/// <summary>What the chair and secretariat do to an action, each confirmed in <see cref="ActionDecisionDialog"/>: the decisions
/// (with a reason), recording an update heard at the meeting, and reopening an action closed or cancelled by mistake.</summary>
public enum ActionDecision { Close, Carry, Defer, Redate, Cancel, Reassign, RecordUpdate, Reopen }

/// <summary>What the dialog reports back: saved (with the message for the snackbar), or refused because the action changed meanwhile.</summary>
public sealed record DecisionOutcome(bool Saved, bool Stale, string Message);

public static class ActionDecisions
{
    /// <summary>The decisions offered on an open action wherever it is shown.</summary>
    public static readonly IReadOnlyList<ActionDecision> OnOpenAction =
        [ActionDecision.Close, ActionDecision.Carry, ActionDecision.Defer, ActionDecision.Redate, ActionDecision.Cancel, ActionDecision.Reassign];

    /// <summary>The short label of the button that starts the decision.</summary>
    public static string Verb(ActionDecision decision) => decision switch
    {
        ActionDecision.Close => "Close",
        ActionDecision.Carry => "Carry to a meeting",
        ActionDecision.Defer => "Defer to next meeting",
        ActionDecision.Redate => "Re-date",
        ActionDecision.Cancel => "Cancel action",
        ActionDecision.Reassign => "Reassign",
        ActionDecision.RecordUpdate => "Record update",
        _ => "Reopen",
    };

    /// <summary>The dialog's main button: it names the act, so it never reads like "close the dialog".</summary>
    public static string Act(ActionDecision decision) => decision switch
    {
        ActionDecision.Close => "Close action",
        ActionDecision.Carry => "Carry action",
        ActionDecision.Defer => "Defer action",
        ActionDecision.Redate => "Re-date action",
        ActionDecision.Cancel => "Cancel action",
        ActionDecision.Reassign => "Reassign action",
        ActionDecision.RecordUpdate => "Record update",
        _ => "Reopen action",
    };

    public static string Done(ActionDecision decision, string reference) => decision switch
    {
        ActionDecision.Close => $"Action {reference} closed.",
        ActionDecision.Carry => $"Action {reference} carried.",
        ActionDecision.Defer => $"Action {reference} deferred to the next meeting.",
        ActionDecision.Redate => $"Action {reference} re-dated.",
        ActionDecision.Cancel => $"Action {reference} cancelled.",
        ActionDecision.Reassign => $"Action {reference} reassigned.",
        ActionDecision.RecordUpdate => $"Update recorded on {reference}.",
        _ => $"Action {reference} reopened.",
    };

    /// <summary>The key that takes the decision on the Run page (see the page's keyboard help), if it has one.</summary>
    public static string? Key(ActionDecision decision) => decision switch
    {
        ActionDecision.Close => "C",
        ActionDecision.Carry => "F",
        ActionDecision.Defer => "D",
        ActionDecision.Redate => "R",
        ActionDecision.RecordUpdate => "U",
        ActionDecision.Reopen => "O",
        _ => null,
    };

    /// <summary>What the decision records in the action's history.</summary>
    public static Decision Recorded(ActionDecision decision) => decision switch
    {
        ActionDecision.Close => Decision.Closed,
        ActionDecision.Carry => Decision.Carried,
        ActionDecision.Defer => Decision.Deferred,
        ActionDecision.Redate => Decision.Redated,
        ActionDecision.Cancel => Decision.Cancelled,
        ActionDecision.Reassign => Decision.Reassigned,
        ActionDecision.RecordUpdate => Decision.Noted,
        _ => Decision.Reopened,
    };
}

public static class ActionDecisionDialogs
{
    /// <summary>Opens the confirmation dialog; null when it was left without deciding.</summary>
    public static async Task<DecisionOutcome?> ShowDecisionAsync(this MudBlazor.IDialogService dialogs,
        ActionRow action, ActionDecision decision, Core.Access.Actor actor, int? atMeetingId = null)
    {
        var parameters = new MudBlazor.DialogParameters<ActionDecisionDialog>
        {
            { d => d.Action, action },
            { d => d.Decision, decision },
            { d => d.Actor, actor },
            { d => d.AtMeetingId, atMeetingId },
        };
        var options = new MudBlazor.DialogOptions
        {
            MaxWidth = MudBlazor.MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, DefaultFocus = MudBlazor.DefaultFocus.None,
        };
        var dialog = await dialogs.ShowAsync<ActionDecisionDialog>($"{ActionDecisions.Act(decision)} {action.Reference}", parameters, options);
        var result = await dialog.Result;
        return result is null || result.Canceled || result.Data is not DecisionOutcome outcome ? null : outcome;
    }

    /// <summary>Opens the confirmation dialog and reports the outcome in a snackbar.
    /// Returns true when the caller should reload (the decision was saved, or the action had changed meanwhile).</summary>
    public static async Task<bool> DecideAsync(this MudBlazor.IDialogService dialogs, MudBlazor.ISnackbar snackbar,
        ActionRow action, ActionDecision decision, Core.Access.Actor actor, int? atMeetingId = null)
    {
        if (await dialogs.ShowDecisionAsync(action, decision, actor, atMeetingId) is not { } outcome)
            return false;
        if (outcome.Stale)
            snackbar.Add(outcome.Message + " It has been reloaded.", MudBlazor.Severity.Warning);
        else
            snackbar.Add(outcome.Message, MudBlazor.Severity.Success);
        return true;
    }
}

public static class UndoOffers
{
    /// <summary>Reports a decision with an "Undo" button that lasts as long as Core lets the decision be undone.</summary>
    public static MudBlazor.Snackbar? OfferUndo(this MudBlazor.ISnackbar snackbar, string message, string label, Func<Task> undo, string? key = null) =>
        snackbar.Add(message, MudBlazor.Severity.Success, options =>
        {
            options.Action = label;
            options.ActionColor = MudBlazor.Color.Inherit;
            options.ActionVariant = MudBlazor.Variant.Outlined;
            options.VisibleStateDuration = (int)ActionService.UndoWindow.TotalMilliseconds;
            options.OnClick = _ => undo();
        }, key: key);
}
