using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Reminders.Chasing;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Reminders;

/// <summary>The chase the secretariat sends now, and the escalation the sweep sends when an action slips.</summary>
public sealed partial class ReminderComposer
{
    private async Task<ComposedReminder?> ChaseAsync(ReminderDelivery delivery, CancellationToken ct)
    {
        if (await OpenActionAsync(delivery.ActionItemId, ct) is not { } action)
            return null;
        var meeting = await MeetingAsync(delivery.MeetingId, ct);
        var upcoming = meeting is { Status: MeetingStatus.Planned } ? meeting : null;
        var subject = upcoming is null
            ? $"Update needed on action {action.Reference}"
            : $"Update needed on action {action.Reference} before the {upcoming.Title} on {London.LongDate(upcoming.Date)}";
        var page = new Page(subject, $"Update needed on {action.Reference}", delivery);
        page.Paragraph(upcoming is null
            ? "No update has been posted on this action since it was raised or last carried forward. Please post one now."
            : $"This action is due at the {upcoming.Title} on {London.LongDateTime(upcoming.Date, upcoming.StartTime)}, and no update has been posted since it was raised or last carried forward. "
              + $"Please post one at least {Insights.UpdateNotice.Hours} hours before the meeting so that it can be read beforehand.");
        if (!string.IsNullOrWhiteSpace(delivery.Note))
        {
            page.Heading(2, $"A note from {delivery.RequestedBy ?? "the secretariat"}");
            page.Note(delivery.Note);
        }
        if (Vacancy(delivery) is { Length: > 0 } vacancy)
            page.Paragraph(vacancy);
        page.Heading(2, "The action");
        page.Actions([action], a => Link("/my-actions", a.Reference), "Post an update on");
        return new ComposedReminder(subject, page.Text, page.Html, null);
    }

    private async Task<ComposedReminder?> EscalationAsync(ReminderDelivery delivery, CancellationToken ct)
    {
        if (await OpenActionAsync(delivery.ActionItemId, ct) is not { } action)
            return null;
        string reasons;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            reasons = delivery.Note ?? EscalationText.Reasons(await db.Set<Escalation>().AsNoTracking()
                .Where(e => e.ActionItemId == action.Id && e.EscalatedOn == delivery.PlannedFor).ToListAsync(ct));
        }
        var subject = $"Escalated: action {action.Reference} ({reasons})";
        var page = new Page(subject, $"Escalated: {action.Reference}", delivery);
        page.Paragraph($"Action {action.Reference}, owned by {string.Join('/', action.Owners)}, has slipped and is escalated: {reasons}. "
            + $"It has been carried forward {action.TimesCarried} time{(action.TimesCarried == 1 ? "" : "s")} and is still open.");
        var lines = delivery.Roles.Except(delivery.VacantRoles).ToList();
        page.Paragraph(lines.Count > 0
            ? $"{Join(lines)} is the line of the owning role, so its escalations come to you; the secretariat has a copy."
            : $"{Vacancy(delivery)} This copy is for the secretariat; where the owning role has a line (set on People and roles), its holder is written to as well.".Trim());
        page.Heading(2, "The action");
        page.Actions([action], a => Link("/actions/" + ActionReference.ToUrl(a.Reference), null), "Open");
        return new ComposedReminder(subject, page.Text, page.Html, null);
    }

    private async Task<ActionRow?> OpenActionAsync(int? actionId, CancellationToken ct)
    {
        if (actionId is not { } id)
            return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var key = await db.Actions.Where(a => a.Id == id).Select(a => new { a.Year, a.Sequence }).SingleOrDefaultAsync(ct);
        if (key is null)
            return null;
        var action = (await actions.GetAsync(ActionReference.Format(key.Year, key.Sequence), ct))?.Action;
        return action is { } open && open.Status.IsOpen() ? open : null;
    }
}
