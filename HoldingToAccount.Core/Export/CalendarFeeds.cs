using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using ICalendar = Ical.Net.Calendar;

namespace HoldingToAccount.Core.Export;

/// <summary>
/// iCalendar feeds Outlook can subscribe to. Each meeting is one event whose UID never changes
/// (meeting-{id}@holdingtoaccount); its SEQUENCE follows the meeting's version, so a moved meeting arrives as an
/// update, and a cancelled one stays in the feed with STATUS:CANCELLED. Times are local to Europe/London (TZID) with
/// the zone's rules included. A person's feed holds the meetings they attend and those of the series whose open actions
/// they own, and an all-day event on the day each of their actions is due.
/// </summary>
public sealed class CalendarFeeds(IDbContextFactory<AppDbContext> factory, ActionService actions, TimeProvider clock)
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string UidDomain = "holdingtoaccount";
    public static readonly TimeSpan MeetingLength = TimeSpan.FromHours(2);
    private const string _zone = "Europe/London";

    public static string MeetingUid(int meetingId) => $"meeting-{meetingId}@{UidDomain}";

    public static string ActionUid(int actionId) => $"action-{actionId}@{UidDomain}";

    /// <summary>Every meeting of the series, or null when there is no such series.</summary>
    public async Task<string?> SeriesFeedAsync(int seriesId, Uri? baseUrl = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var name = await db.Series.Where(s => s.Id == seriesId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (name is null)
            return null;
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime).ToListAsync(ct);
        return Serialize(name, meetings, [], baseUrl);
    }

    /// <summary>A person's meetings and action due dates, or null when there is no such person.</summary>
    public async Task<string?> PersonFeedAsync(int personId, Uri? baseUrl = null, CancellationToken ct = default)
    {
        var today = London.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var person = await db.People.Where(p => p.Id == personId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        if (person is null)
            return null;

        var owned = await actions.OwnedByAsync(new Actor(person, AccessLevel.Viewer, personId), ct);
        var ownedIds = owned.Select(a => a.Id).ToList();
        var seriesIds = await db.Actions.Where(a => ownedIds.Contains(a.Id)).Select(a => a.SeriesId).Distinct().ToListAsync(ct);
        var attended = db.MeetingAttendees.Where(a => a.PersonId == personId).Select(a => a.MeetingId);
        var from = today.AddYears(-1);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => seriesIds.Contains(m.SeriesId) || attended.Contains(m.Id))
            .Where(m => m.Date >= from)
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime)
            .ToListAsync(ct);
        return Serialize($"Holding to account – {person}", meetings, owned.Where(a => ExportText.DueOn(a) is not null).ToList(), baseUrl);
    }

    private string Serialize(string name, List<Meeting> meetings, List<ActionRow> dueActions, Uri? baseUrl)
    {
        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime, CalDateTime.UtcTzId);
        var calendar = new ICalendar { ProductId = "-//HoldingToAccount//Action register//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", _zone);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        var earliest = meetings.Count == 0 ? London.Today(clock) : meetings.Min(m => m.Date);
        calendar.AddTimeZone(_zone, earliest.AddYears(-1).ToDateTime(TimeOnly.MinValue), false);

        foreach (var meeting in meetings)
        {
            var start = new CalDateTime(meeting.Date, meeting.StartTime, _zone);
            var cancelled = meeting.Status == MeetingStatus.Cancelled;
            var description = new List<string>();
            if (cancelled)
                description.Add("This meeting has been cancelled.");
            if (!string.IsNullOrWhiteSpace(meeting.Chair))
                description.Add($"Chair: {meeting.Chair}");
            var link = Link(baseUrl, $"meetings/{meeting.Id}");
            if (link is not null)
                description.Add(link.ToString());
            calendar.Events.Add(new CalendarEvent
            {
                Uid = MeetingUid(meeting.Id),
                Sequence = Math.Max(0, meeting.Version - 1),
                DtStamp = stamp,
                DtStart = start,
                DtEnd = start.Add(Duration.FromTimeSpanExact(MeetingLength)),
                Summary = ExportText.XmlSafe(cancelled ? $"Cancelled: {meeting.Title}" : meeting.Title),
                Location = string.IsNullOrWhiteSpace(meeting.Venue) ? null : meeting.Venue,
                Description = description.Count == 0 ? null : string.Join("\n", description),
                Status = cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
                Transparency = cancelled ? "TRANSPARENT" : "OPAQUE",
                Url = link,
            });
        }

        foreach (var action in dueActions)
        {
            var due = ExportText.DueOn(action)!.Value;
            var text = action.Text.Length > 100 ? action.Text[..100].TrimEnd() + "…" : action.Text;
            var description = new List<string> { action.Text, $"Owner: {ExportText.Owners(action)}", $"Status: {ExportText.Status(action.Status)}" };
            if (ExportText.AsAgreed(action) is { } phrase)
                description.Add($"Due as agreed: {phrase}");
            if (action.LatestUpdate is { } update)
                description.Add($"Latest update {ExportText.Dated(update)}");
            var link = Link(baseUrl, $"actions/{ActionReference.ToUrl(action.Reference)}");
            if (link is not null)
                description.Add(link.ToString());
            calendar.Events.Add(new CalendarEvent
            {
                Uid = ActionUid(action.Id),
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
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static Uri? Link(Uri? baseUrl, string path) =>
        baseUrl is null ? null : new Uri(new Uri(baseUrl.ToString().TrimEnd('/') + "/"), path);
}
