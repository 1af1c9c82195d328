using System.Globalization;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Reminders;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;
using ICalendar = Ical.Net.Calendar;

namespace HoldingToAccount.Core.Export;

/// <summary>
/// The one maker of a meeting's calendar entry, for the reminder's attachment and the feeds alike, so Outlook sees the
/// same event wherever it came from. A meeting's UID never changes and names this installation's host
/// (<c>meeting-{id}@{App:PublicBaseUrl host}</c>), so two offices' meeting 12 stay two events; its SEQUENCE follows the
/// meeting's version, so a moved meeting arrives as an update; a cancelled one is STATUS:CANCELLED. Times are local to
/// Europe/London (TZID) with the zone's rules included, and every meeting lasts <c>Reminders:MeetingMinutes</c>.
/// </summary>
public sealed class MeetingCalendar(IOptions<PublicLinkOptions> links, IOptions<ReminderOptions> reminders, TimeProvider clock)
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string Zone = "Europe/London";

    public string MeetingUid(int meetingId) => $"meeting-{meetingId.ToString(CultureInfo.InvariantCulture)}@{links.Value.Host}";

    public string ActionUid(int actionId) => $"action-{actionId.ToString(CultureInfo.InvariantCulture)}@{links.Value.Host}";

    public TimeSpan MeetingLength => TimeSpan.FromMinutes(reminders.Value.MeetingMinutes);

    public Uri MeetingLink(int meetingId) => links.Value.Link($"meetings/{meetingId.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>An empty calendar to publish, with the London zone's rules from a year before <paramref name="earliest"/>.</summary>
    public static ICalendar NewCalendar(DateOnly earliest)
    {
        var calendar = new ICalendar { ProductId = "-//HoldingToAccount//Action register//EN", Method = "PUBLISH" };
        calendar.AddTimeZone(Zone, earliest.AddYears(-1).ToDateTime(TimeOnly.MinValue), false);
        return calendar;
    }

    /// <summary>The meeting's event; <paramref name="notes"/> go in its description before the link to the meeting.</summary>
    public CalendarEvent MeetingEvent(Meeting meeting, IEnumerable<string> notes)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var start = new CalDateTime(meeting.Date, meeting.StartTime, Zone);
        var cancelled = meeting.Status == MeetingStatus.Cancelled;
        var link = MeetingLink(meeting.Id);
        var description = new List<string>();
        if (cancelled)
            description.Add("This meeting has been cancelled.");
        description.AddRange(notes);
        description.Add(link.ToString());
        return new CalendarEvent
        {
            Uid = MeetingUid(meeting.Id),
            Sequence = Math.Max(0, meeting.Version - 1),
            DtStamp = Stamp(),
            DtStart = start,
            DtEnd = start.Add(Duration.FromTimeSpanExact(MeetingLength)),
            Summary = ExportText.XmlSafe(cancelled ? $"Cancelled: {meeting.Title}" : meeting.Title),
            Location = string.IsNullOrWhiteSpace(meeting.Venue) ? null : meeting.Venue,
            Description = string.Join("\n", description),
            Status = cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
            Transparency = cancelled ? "TRANSPARENT" : "OPAQUE",
            Url = link,
        };
    }

    /// <summary>DTSTAMP: when this copy of the event was written.</summary>
    public CalDateTime Stamp() => new(clock.GetUtcNow().UtcDateTime, CalDateTime.UtcTzId);

    public static string Serialize(ICalendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";
}
