using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Publishing;

/// <summary>Reads for anonymous visitors: only what <see cref="PublicRecord"/> lets out. An id that is not published is
/// answered exactly as one that does not exist.</summary>
public sealed class PublicRegister(IDbContextFactory<AppDbContext> factory, NotesExport notes)
{
    /// <summary>The published meetings, most recent meeting first.</summary>
    public async Task<IReadOnlyList<PublicMeeting>> MeetingsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Meetings.AsNoTracking().Where(PublicRecord.PublishedMeeting)
            .Select(m => new PublicMeeting(m.Id, m.Series.Name, m.Title, m.Date, m.StartTime, m.PublishedAt!.Value))
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(m => m.Date).ThenByDescending(m => m.StartTime)];
    }

    /// <summary>A published meeting's public notes; null when the meeting is not published (or not there at all).</summary>
    public async Task<MeetingNotes?> NotesAsync(int meetingId, CancellationToken ct = default)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (!await db.Meetings.Where(PublicRecord.PublishedMeeting).AnyAsync(m => m.Id == meetingId, ct))
                return null;
        }
        return await notes.LoadAsync(meetingId, NotesVariant.Public, ct);
    }

    /// <summary>When a published meeting's notes went up; null when it is not published.</summary>
    public async Task<PublicMeeting?> MeetingAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Meetings.AsNoTracking().Where(PublicRecord.PublishedMeeting).Where(m => m.Id == meetingId)
            .Select(m => new PublicMeeting(m.Id, m.Series.Name, m.Title, m.Date, m.StartTime, m.PublishedAt!.Value))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The public action log: every action raised at a published meeting and not restricted, newest meeting first.</summary>
    public async Task<IReadOnlyList<PublicAction>> ActionLogAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Actions.AsNoTracking().Where(PublicRecord.LoggedAction)
            .Select(a => new
            {
                a.Year,
                a.Sequence,
                a.Text,
                Owners = a.Owners.OrderBy(o => o.Code).Select(o => new PublicOwner(o.Code, o.Title)).ToList(),
                Meeting = new PublicMeeting(a.RaisedAtMeeting.Id, a.RaisedAtMeeting.Series.Name, a.RaisedAtMeeting.Title,
                    a.RaisedAtMeeting.Date, a.RaisedAtMeeting.StartTime, a.RaisedAtMeeting.PublishedAt!.Value),
                Item = a.RaisedAtAgendaItem == null ? null : a.RaisedAtAgendaItem.Number,
                DueTitle = a.DueMeeting == null ? null : a.DueMeeting.Title,
                DueMeetingDate = a.DueMeeting == null ? (DateOnly?)null : a.DueMeeting.Date,
                a.DueDate,
                a.Status,
                a.ClosedOn,
            })
            .ToListAsync(ct);
        return
        [
            .. rows
                .OrderByDescending(r => r.Meeting.Date).ThenByDescending(r => r.Year).ThenByDescending(r => r.Sequence)
                .Select(r => new PublicAction(
                    ActionReference.Format(r.Year, r.Sequence), r.Text, r.Owners, r.Meeting, r.Item,
                    r switch
                    {
                        { DueTitle: { } title, DueMeetingDate: { } day } => $"{title} ({London.ShortDate(day)})",
                        { DueDate: { } date } => London.ShortDate(date),
                        _ => "Next meeting",
                    },
                    PublicRecord.Status(r.Status),
                    r.Status.IsOpen() ? null : r.ClosedOn)),
        ];
    }
}
