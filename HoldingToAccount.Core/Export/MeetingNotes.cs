using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Export;

/// <summary>Full notes for the office; public notes for the website leave out restricted items and their actions.</summary>
public enum NotesVariant { Full, Public }

/// <summary>An action brought forward to the meeting with its history "as at the meeting" (<see cref="AsAtMeeting"/>).</summary>
public sealed record BroughtForwardAction(ActionRow Action, IReadOnlyList<ActionUpdateRow> Updates)
{
    /// <summary>
    /// "As at the meeting", for every document of a meeting (its notes and its actions pack): the action's updates and
    /// decisions dated up to the end of the meeting's day, oldest first. What was written later belongs to later meetings,
    /// so a document of this meeting reads the same whenever it is produced.
    /// </summary>
    public static BroughtForwardAction AsAtMeeting(ActionRow action, IEnumerable<ActionUpdateRow> history, DateOnly meetingDate) =>
        new(action, history.Where(u => u.Date <= meetingDate).ToList());

    /// <summary>The latest of <see cref="Updates"/>: the update the meeting had before it.</summary>
    public LatestUpdate? LatestUpdate => Updates.Count == 0 ? null : Latest(Updates[^1]);

    private static LatestUpdate Latest(ActionUpdateRow update) => new(update.Date, update.Text, update.Author, update.Decision, update.MeetingId);
}

/// <summary>Everything the notes, their HTML and the actions pack show of one meeting, already filtered for the variant.</summary>
public sealed record MeetingNotes(
    MeetingDetail Detail,
    NotesVariant Variant,
    IReadOnlyList<BroughtForwardAction> BroughtForward,
    IReadOnlyList<ActionRow> ActionsArising);

/// <summary>Gathers a meeting's notes from the meeting and action services; the carry-forward rule stays theirs.</summary>
public sealed class NotesExport(MeetingService meetings, ActionService actions, IDbContextFactory<AppDbContext> factory)
{
    public async Task<MeetingNotes?> LoadAsync(int meetingId, NotesVariant variant, CancellationToken ct = default)
    {
        var detail = await meetings.GetAsync(meetingId, ct);
        if (detail is null)
            return null;

        var broughtForward = detail.BroughtForward;
        var arising = detail.ActionsArising;
        if (variant == NotesVariant.Public)
        {
            var hidden = await HiddenFromPublicAsync(broughtForward.Concat(arising).Select(a => a.Id).ToList(), ct);
            detail = detail with
            {
                Agenda = detail.Agenda
                    .Select(s => s with { Items = s.Items.Where(i => !i.Restricted).ToList() })
                    .ToList(),
            };
            broughtForward = broughtForward.Where(a => !hidden.Contains(a.Id)).ToList();
            arising = arising.Where(a => !hidden.Contains(a.Id)).ToList();
        }

        var updates = await actions.UpdatesOfAsync(broughtForward.Select(a => a.Id).ToList(), ct);
        var withUpdates = broughtForward
            .Select(a => BroughtForwardAction.AsAtMeeting(a, updates.GetValueOrDefault(a.Id) ?? [], detail.Meeting.Date))
            .ToList();
        return new MeetingNotes(detail, variant, withUpdates, arising);
    }

    /// <summary>The actions <see cref="PublicRecord.ShownAction"/> keeps out of public notes: restricted, or raised under a restricted item.</summary>
    private async Task<HashSet<int>> HiddenFromPublicAsync(List<int> actionIds, CancellationToken ct)
    {
        if (actionIds.Count == 0)
            return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var shown = await db.Actions
            .Where(a => actionIds.Contains(a.Id))
            .Where(PublicRecord.ShownAction)
            .Select(a => a.Id)
            .ToListAsync(ct);
        return [.. actionIds.Except(shown)];
    }
}
