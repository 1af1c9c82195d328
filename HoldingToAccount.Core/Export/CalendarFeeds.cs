using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Publishing;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Core.Export;

/// <summary>
/// iCalendar feeds Outlook can subscribe to. Each meeting is the event <see cref="MeetingCalendar"/> makes, the same one
/// a reminder attaches, and a cancelled one stays in the feed. A person's feed holds the meetings they attend and those
/// of the series whose open actions they own, and an all-day event on the day each of their actions is due.
/// </summary>
public sealed class CalendarFeeds(
    IDbContextFactory<AppDbContext> factory, ActionService actions, MeetingCalendar meetingCalendar, IOptions<PublicLinkOptions> links, TimeProvider clock)
{
    /// <summary>Every meeting of the series, or null when there is no such series.</summary>
    public async Task<string?> SeriesFeedAsync(int seriesId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var name = await db.Series.Where(s => s.Id == seriesId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (name is null)
            return null;
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime).ToListAsync(ct);
        return Serialize(name, meetings, []);
    }

    /// <summary>A person's meetings and action due dates, or null when there is no such person; <paramref name="reader"/>:
    /// the account the feed is for, whose app role decides whether restricted actions are in it (<see cref="Publishing.Restriction"/>).</summary>
    public async Task<string?> PersonFeedAsync(int personId, Actor? reader = null, CancellationToken ct = default)
    {
        var today = London.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var person = await db.People.Where(p => p.Id == personId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        if (person is null)
            return null;

        var mine = await actions.OwnedByAsync(new Actor(person, AccessLevel.Viewer, personId), ct);
        var mineIds = mine.Select(a => a.Id).ToList();
        var ownedIds = await db.Actions.VisibleTo(reader).Where(a => mineIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        var owned = mine.Where(a => ownedIds.Contains(a.Id)).ToList();
        var seriesIds = await db.Actions.Where(a => ownedIds.Contains(a.Id)).Select(a => a.SeriesId).Distinct().ToListAsync(ct);
        var attended = db.MeetingAttendees.Where(a => a.PersonId == personId).Select(a => a.MeetingId);
        var from = today.AddYears(-1);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => seriesIds.Contains(m.SeriesId) || attended.Contains(m.Id))
            .Where(m => m.Date >= from)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime)
            .ToListAsync(ct);
        return Serialize($"Holding to account – {person}", meetings, owned.Where(a => ExportText.DueOn(a) is not null).ToList());
    }

    private string Serialize(string name, List<Meeting> meetings, List<ActionRow> dueActions)
    {
        var calendar = MeetingCalendar.NewCalendar(meetings.Count == 0 ? London.Today(clock) : meetings.Min(m => m.Date));
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", MeetingCalendar.Zone);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");

        foreach (var meeting in meetings)
            calendar.Events.Add(meetingCalendar.MeetingEvent(meeting, string.IsNullOrWhiteSpace(meeting.Chair) ? [] : [$"Chair: {meeting.Chair}"]));

        var stamp = meetingCalendar.Stamp();
        foreach (var action in dueActions)
        {
            var due = ExportText.DueOn(action)!.Value;
            var text = action.Text.Length > 100 ? action.Text[..100].TrimEnd() + "…" : action.Text;
            var description = new List<string> { action.Text, $"Owner: {ExportText.Owners(action)}", $"Status: {ExportText.Status(action.Status)}" };
            if (ExportText.AsAgreed(action) is { } phrase)
                description.Add($"Due as agreed: {phrase}");
            if (action.LatestUpdate is { } update)
                description.Add($"Latest update {ExportText.Dated(update)}");
            var link = links.Value.Link($"actions/{ActionReference.ToUrl(action.Reference)}");
            description.Add(link.ToString());
            calendar.Events.Add(new CalendarEvent
            {
                Uid = meetingCalendar.ActionUid(action.Id),
                Sequence = Math.Max(0, action.Version - 1),
                DtStamp = stamp,
                DtStart = new CalDateTime(due),
                DtEnd = new CalDateTime(due.AddDays(1)),
                Summary = $"Action {action.Reference} due: {text}",
                Description = string.Join("\n", description),
                Transparency = "TRANSPARENT",
                Url = link,
            });
        }
        return MeetingCalendar.Serialize(calendar);
    }
}
