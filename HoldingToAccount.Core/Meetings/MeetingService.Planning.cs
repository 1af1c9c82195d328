using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Meetings;

/// <summary>Adding meetings by hand, writing the agenda and recording attendance.</summary>
public sealed partial class MeetingService
{
    public async Task<IReadOnlyList<SeriesRow>> ListSeriesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var series = await db.Series.AsNoTracking().Include(s => s.Sections).OrderBy(s => s.Name).ToListAsync(ct);
        return series.Select(s => new SeriesRow(s.Id, s.Name, s.Kind, s.Recurrence, s.DefaultVenue,
            s.Sections.OrderBy(x => x.Order).Select(x => new SectionRow(x.Number, x.Title, x.Purpose)).ToList())).ToList();
    }

    /// <summary>Adds one meeting to a series. A series has at most one meeting a day.</summary>
    public async Task<MeetingSummary> CreateAsync(NewMeeting input, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "add meetings");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var series = await db.Series.SingleOrDefaultAsync(s => s.Id == input.SeriesId, ct)
            ?? throw new DomainException("Choose the series the meeting belongs to.");
        if (await db.Meetings.AnyAsync(m => m.SeriesId == series.Id && m.Date == input.Date && m.Status != MeetingStatus.Cancelled, ct))
            throw new DomainException($"{series.Name} already has a meeting on {London.LongDate(input.Date)}.");
        var title = string.IsNullOrWhiteSpace(input.Title) ? Meeting.DefaultTitle(series.Name, input.Date) : input.Title;
        var details = Checked(new MeetingDetails(title, string.IsNullOrWhiteSpace(input.Venue) ? series.DefaultVenue : input.Venue, input.Chair));
        var meeting = new Meeting
        {
            SeriesId = series.Id,
            Title = details.Title,
            Date = input.Date,
            StartTime = input.StartTime,
            Venue = details.Venue,
            Chair = details.Chair,
            Status = MeetingStatus.Planned,
            Version = 1,
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return (await GetSummaryAsync(meeting.Id, ct))!;
    }

    /// <summary>Corrects a meeting's title, venue or chair — planned, held or cancelled alike, as they are the record.</summary>
    public async Task UpdateDetailsAsync(int id, int expectedVersion, MeetingDetails input, Actor actor, CancellationToken ct = default)
    {
        var details = Checked(input);
        await ChangeAsync(id, expectedVersion, actor, Permission.Administer, "change a meeting's details", ct, meeting =>
        {
            meeting.Title = details.Title;
            meeting.Venue = details.Venue;
            meeting.Chair = details.Chair;
        });
    }

    /// <summary>Trimmed, with empty venue and chair as none; too long a value is refused with what the limit is.</summary>
    private static MeetingDetails Checked(MeetingDetails input)
    {
        var venue = string.IsNullOrWhiteSpace(input.Venue) ? null : input.Venue.Trim();
        var chair = string.IsNullOrWhiteSpace(input.Chair) ? null : input.Chair.Trim();
        return InputValidation.Checked(new MeetingDetails(input.Title?.Trim() ?? "", venue, chair));
    }

    /// <summary>The open actions that come to this meeting now: they follow it if it moves, and pass to the next meeting if it is cancelled.</summary>
    public Task<IReadOnlyList<ActionRow>> ActionsFollowingAsync(int meetingId, CancellationToken ct = default) =>
        actions.OutstandingAtAsync(meetingId, ct);

    public async Task<AgendaItemRow> AddAgendaItemAsync(int meetingId, AgendaItemInput input, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.RunMeetings, "change the agenda");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var meeting = await db.Meetings.Include(m => m.AgendaItems).SingleOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new NotFoundException($"There is no meeting {meetingId}.");
        var section = await CheckedSectionAsync(db, meeting, input, ct);
        var item = new AgendaItem
        {
            Section = section,
            Number = AgendaNumbering.Next(section, meeting.AgendaItems.Select(i => i.Number)),
            Title = input.Title.Trim(),
            Questions = Tidy(input.Questions),
            Findings = Tidy(input.Findings),
            Deferred = input.Deferred,
            Restricted = input.Restricted,
            Order = meeting.AgendaItems.Select(i => i.Order).DefaultIfEmpty(0).Max() + 1,
        };
        meeting.AgendaItems.Add(item);
        await db.SaveChangesAsync(ct);
        return AgendaNumbering.ToRow(item);
    }

    /// <summary>Edits an item's wording, questions, findings and flags. Moving it to another section renumbers it there.</summary>
    public async Task<AgendaItemRow> UpdateAgendaItemAsync(int itemId, AgendaItemInput input, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.RunMeetings, "change the agenda");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var item = await db.AgendaItems.Include(i => i.Meeting).ThenInclude(m => m.AgendaItems).SingleOrDefaultAsync(i => i.Id == itemId, ct)
            ?? throw new NotFoundException($"There is no agenda item {itemId}.");
        var section = await CheckedSectionAsync(db, item.Meeting, input, ct);
        if (section != item.Section)
        {
            item.Number = AgendaNumbering.Next(section, item.Meeting.AgendaItems.Where(i => i.Id != item.Id).Select(i => i.Number));
            item.Section = section;
        }
        item.Title = input.Title.Trim();
        item.Questions = Tidy(input.Questions);
        item.Findings = Tidy(input.Findings);
        item.Deferred = input.Deferred;
        item.Restricted = input.Restricted;
        await db.SaveChangesAsync(ct);
        return AgendaNumbering.ToRow(item);
    }

    /// <summary>Moves an item one place up (<paramref name="by"/> -1) or down (+1) within its section, before the meeting is
    /// held. The section's items are numbered again in their new order ("4a.1", "4a.2"…); actions keep their item.</summary>
    public async Task<AgendaItemRow> MoveAgendaItemAsync(int itemId, int by, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.RunMeetings, "change the agenda");
        if (by is not (-1 or 1))
            throw new DomainException("An agenda item moves one place up or down at a time.");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var item = await db.AgendaItems.Include(i => i.Meeting).ThenInclude(m => m.AgendaItems).SingleOrDefaultAsync(i => i.Id == itemId, ct)
            ?? throw new NotFoundException($"There is no agenda item {itemId}.");
        if (item.Meeting.Status != MeetingStatus.Planned)
            throw new DomainException($"{item.Meeting.Title} is {item.Meeting.Status.ToString().ToLowerInvariant()}; its agenda is the record now and keeps its order.");
        var section = item.Meeting.AgendaItems.Where(i => i.Section == item.Section).OrderBy(i => i.Order).ThenBy(i => i.Id).ToList();
        var at = section.IndexOf(item);
        var to = at + by;
        if (to < 0 || to >= section.Count)
            throw new DomainException($"Item {item.Number} is already {(by < 0 ? "first" : "last")} in its section.");
        var orders = section.Select(i => i.Order).Order().ToList();
        (section[at], section[to]) = (section[to], section[at]);
        var numbers = section.Select((_, k) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{item.Section}.{k + 1}")).ToList();
        for (var k = 0; k < section.Count; k++)
        {
            section[k].Order = orders[k];
            section[k].Number = numbers[k];
        }
        await db.SaveChangesAsync(ct);
        return AgendaNumbering.ToRow(item);
    }

    /// <summary>Replaces who attended and who sent apologies, in the order given.</summary>
    public async Task SetAttendanceAsync(int meetingId, int expectedVersion, IReadOnlyList<AttendeeInput> attendees, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.RunMeetings, "record attendance");
        var rows = attendees.Where(a => !string.IsNullOrWhiteSpace(a.Name))
            .Select(a => InputValidation.Checked(a with { Name = a.Name.Trim(), Capacity = Tidy(a.Capacity) }))
            .ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var meeting = await db.Meetings.Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new NotFoundException($"There is no meeting {meetingId}.");
        if (meeting.Version != expectedVersion)
            throw Stale();
        db.MeetingAttendees.RemoveRange(meeting.Attendees);
        meeting.Attendees = rows.Select((a, i) => new MeetingAttendee
        {
            Name = a.Name,
            Capacity = a.Capacity,
            Attendance = a.Attendance,
            PersonId = a.PersonId,
            Order = i + 1,
        }).ToList();
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

    private static async Task<string> CheckedSectionAsync(AppDbContext db, Meeting meeting, AgendaItemInput input, CancellationToken ct)
    {
        InputValidation.Checked(input with { Title = input.Title?.Trim() ?? "" });
        var section = input.Section?.Trim() ?? "";
        var sections = await db.AgendaSections.Where(s => s.SeriesId == meeting.SeriesId).Select(s => s.Number).ToListAsync(ct);
        if (!sections.Contains(section))
            throw new DomainException(sections.Count == 0
                ? "This series has no agenda sections yet."
                : $"Choose one of the series' sections: {string.Join(", ", sections)}.");
        return section;
    }

    private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
