using HoldingToAccount.Core.Reminders.Chasing;
using MudBlazor;

namespace HoldingToAccount.Dashboard.Components.Shared.Chasing;

/// <summary>Opens the chase dialog the same way from the meeting page, the action page and the Outbox.</summary>
public static class ChaseDialogs
{
    /// <returns>What was sent, or null when the dialog was closed without sending.</returns>
    public static async Task<ChaseOutcome?> ShowAsync(IDialogService dialogs, string title, IReadOnlyList<int> actionIds, int? meetingId, Core.Access.Actor actor)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var dialog = await dialogs.ShowAsync<ChaseDialog>(title,
            new DialogParameters<ChaseDialog> { { d => d.ActionIds, actionIds }, { d => d.MeetingId, meetingId }, { d => d.Title, title }, { d => d.Actor, actor } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        return await dialog.Result is { Canceled: false, Data: ChaseOutcome outcome } ? outcome : null;
    }
}
