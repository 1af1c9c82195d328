using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Publishing;

/// <summary>
/// The secretariat's publishing: which series are public, which actions stay out of the public notes, publishing a held
/// meeting's notes and withdrawing them with a reason. Every change is a save, so the audit trail records who and when.
/// </summary>
public sealed class PublicationService(IDbContextFactory<AppDbContext> factory, TimeProvider clock)
{
    public async Task<PublicationState?> StateAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Series).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
            return null;
        var actions = await db.Actions.AsNoTracking().Where(a => a.RaisedAtMeetingId == meetingId)
            .OrderBy(a => a.Year).ThenBy(a => a.Sequence)
            .Select(a => new
            {
                a.Id, a.Year, a.Sequence, a.Text, a.Restricted, a.Status,
                Item = a.RaisedAtAgendaItem == null ? null : a.RaisedAtAgendaItem.Number,
                ItemRestricted = a.RaisedAtAgendaItem != null && a.RaisedAtAgendaItem.Restricted,
            })
            .ToListAsync(ct);
        return new PublicationState(meeting.Id, meeting.SeriesId, meeting.Series.Name, meeting.Series.IsPublic, meeting.Status, meeting.Version,
            meeting.PublishedAt, meeting.WithdrawnAt, meeting.WithdrawnReason,
            [.. actions.Select(a => new RestrictableAction(a.Id, Actions.ActionReference.Format(a.Year, a.Sequence), a.Text, a.Item, a.Restricted, a.ItemRestricted, a.Status))]);
    }

    /// <summary>Puts a series' published notes on the public pages, or takes them all off (each meeting keeps its published state).</summary>
    public async Task SetSeriesPublicAsync(int seriesId, bool isPublic, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "choose which series are public");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var series = await db.Series.SingleOrDefaultAsync(s => s.Id == seriesId, ct)
            ?? throw new NotFoundException($"There is no meeting series {seriesId}.");
        series.IsPublic = isPublic;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Keeps an action out of the public notes and action log, or lets it back in. Takes effect on the public pages at once.</summary>
    public async Task SetActionRestrictedAsync(int actionId, bool restricted, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "restrict an action");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var action = await db.Actions.SingleOrDefaultAsync(a => a.Id == actionId, ct)
            ?? throw new NotFoundException($"There is no action {actionId}.");
        action.Restricted = restricted;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Publishes a held meeting's public notes (restricted items and actions left out).</summary>
    public async Task PublishAsync(int meetingId, int expectedVersion, Actor actor, CancellationToken ct = default) =>
        await ChangeAsync(meetingId, expectedVersion, actor, "publish meeting notes", ct, meeting =>
        {
            if (meeting.Status == MeetingStatus.Published)
                throw new DomainException($"The notes of {meeting.Title} are already published.");
            if (!PublicRecord.CanPublish(meeting.Status))
                throw new DomainException($"{meeting.Title} is {meeting.Status.ToString().ToLowerInvariant()}; only the notes of a held meeting can be published.");
            if (!meeting.Series.IsPublic)
                throw new DomainException($"{meeting.Series.Name} is not a public series. Make the series public first, then publish.");
            meeting.Status = MeetingStatus.Published;
            meeting.PublishedAt = clock.GetUtcNow().UtcDateTime;
            meeting.WithdrawnAt = null;
            meeting.WithdrawnReason = null;
        });

    /// <summary>Takes a meeting's notes and its actions off the public pages, saying why; the meeting is held again and can be republished.</summary>
    public async Task WithdrawAsync(int meetingId, int expectedVersion, string reason, Actor actor, CancellationToken ct = default)
    {
        var why = reason?.Trim() ?? "";
        if (why.Length == 0)
            throw new DomainException("Say why the notes are withdrawn; the reason is kept with the meeting.");
        if (why.Length > InputLimits.Reason)
            throw new DomainException($"A reason can be at most {InputLimits.Reason:N0} characters.");
        await ChangeAsync(meetingId, expectedVersion, actor, "withdraw published notes", ct, meeting =>
        {
            if (meeting.Status != MeetingStatus.Published)
                throw new DomainException($"The notes of {meeting.Title} are not published, so there is nothing to withdraw.");
            meeting.Status = MeetingStatus.Held;
            meeting.PublishedAt = null;
            meeting.WithdrawnAt = clock.GetUtcNow().UtcDateTime;
            meeting.WithdrawnReason = why;
        });
    }

    private async Task ChangeAsync(int meetingId, int expectedVersion, Actor actor, string doing, CancellationToken ct, Action<Meeting> change)
    {
        ActionPermissions.Demand(actor, Permission.Administer, doing);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var meeting = await db.Meetings.Include(m => m.Series).SingleOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new NotFoundException($"There is no meeting {meetingId}.");
        if (meeting.Version != expectedVersion)
            throw Stale();
        change(meeting);
        meeting.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale();
        }
    }

    private static StaleEditException Stale() =>
        new("The meeting was changed by someone else since you opened it. Reload it to see their change, then try again.");
}
