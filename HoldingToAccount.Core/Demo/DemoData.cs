using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Demo;

public sealed record SeedResult(bool Seeded, string Message);

/// <summary>
/// Loads the demo register built from the office's meeting notes (Demo/demo-data.json, embedded). Runs only on a
/// database without meetings; everything is written in one transaction, then each series is planned a year ahead
/// from today. Should planning fail, what was loaded is removed again so nothing is left half-written.
/// </summary>
public sealed class DemoData(IDbContextFactory<AppDbContext> factory, TimeProvider clock, MeetingService meetings)
{
    public const string Author = "Demo data";
    private const string _resourceName = "HoldingToAccount.Core.Demo.demo-data.json";
    private const int _monthsToPlan = 12;

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<SeedResult> SeedAsync(CancellationToken ct = default)
    {
        var file = Load();
        Loaded loaded;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.Meetings.AnyAsync(ct))
                return new SeedResult(false, "The database already holds meetings, so the demo data was not loaded. Nothing was changed.");
            loaded = await WriteAsync(db, file, ct);
            await tx.CommitAsync(ct);
        }

        var planned = 0;
        try
        {
            var today = London.Today(clock);
            foreach (var seriesId in loaded.SeriesToPlan)
                planned += await meetings.PlanScheduleAsync(seriesId, today, Access.Actor.System(Author), _monthsToPlan, ct);
        }
        catch
        {
            await RemoveAsync(loaded);
            throw;
        }

        return new SeedResult(true,
            $"Loaded the demo register: {loaded.People} people, {loaded.SeriesIds.Count} series, {loaded.Meetings} meetings, "
            + $"{loaded.Actions} actions with {loaded.Updates} updates; planned {planned} meetings for the next {_monthsToPlan} months.");
    }

    private sealed record Loaded(
        List<int> SeriesIds, List<int> SeriesToPlan, List<int> PersonIds, List<int> HoldingIds, List<int> RoleIds,
        int People, int Meetings, int Actions, int Updates);

    private static DemoFile Load()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream(_resourceName)
            ?? throw new InvalidOperationException($"The demo data resource {_resourceName} is missing from the build.");
        return JsonSerializer.Deserialize<DemoFile>(stream, _json)
            ?? throw new InvalidOperationException("The demo data file is empty.");
    }

    private static async Task<Loaded> WriteAsync(AppDbContext db, DemoFile file, CancellationToken ct)
    {
        // Roles and people: reuse what is already there (by role code, by e-mail), add the rest.
        var roles = await db.Roles.ToDictionaryAsync(r => r.Code, StringComparer.OrdinalIgnoreCase, ct);
        var newRoles = new List<Role>();
        foreach (var demoRole in file.Roles)
        {
            var code = RoleCodes.Normalise(demoRole.Code);
            if (roles.ContainsKey(code))
                continue;
            var role = new Role { Code = code, Title = demoRole.Title };
            roles[code] = role;
            newRoles.Add(role);
        }
        db.Roles.AddRange(newRoles);
        foreach (var demoRole in file.Roles.Where(r => r.Line is not null))
        {
            var role = roles[RoleCodes.Normalise(demoRole.Code)];
            if (newRoles.Contains(role) && roles.TryGetValue(RoleCodes.Normalise(demoRole.Line), out var line))
                role.LineRole = line;
        }

        var emails = file.People.Select(p => p.Email).OfType<string>().ToList();
        var existingPeople = await db.People.Include(p => p.Holdings).Where(p => p.Email != null && emails.Contains(p.Email)).ToListAsync(ct);
        var people = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        var newPeople = new List<Person>();
        var newHoldings = new List<RoleHolding>();
        foreach (var demoPerson in file.People)
        {
            var person = existingPeople.Find(p => string.Equals(p.Email, demoPerson.Email, StringComparison.OrdinalIgnoreCase));
            if (person is null)
            {
                person = new Person { Name = demoPerson.Name, Email = demoPerson.Email };
                newPeople.Add(person);
            }
            people[demoPerson.Name] = person;
            if (person.Holdings.Count > 0)
                continue; // someone already recorded this person's roles; leave them as they are
            foreach (var holding in demoPerson.Holdings ?? [])
            {
                var entry = new RoleHolding
                {
                    Person = person,
                    Role = RoleFor(roles, holding.Role),
                    From = holding.From,
                    To = holding.To,
                    Temporary = holding.Temporary,
                };
                person.Holdings.Add(entry);
                newHoldings.Add(entry);
            }
        }
        db.People.AddRange(newPeople);
        db.RoleHoldings.AddRange(newHoldings);

        // Series, their agenda templates, meetings, attendance and agenda items.
        var created = new List<(DemoSeries Demo, MeetingSeries Series, List<(DemoMeeting Demo, Meeting Meeting)> Meetings)>();
        foreach (var demoSeries in file.Series)
        {
            var series = new MeetingSeries
            {
                Name = demoSeries.Name,
                Kind = demoSeries.Kind,
                Recurrence = demoSeries.Recurrence,
                DefaultVenue = demoSeries.Venue,
                Sections = demoSeries.Sections.Select((s, i) => new AgendaSection { Number = s.Number, Title = s.Title, Order = i + 1, Purpose = s.Purpose }).ToList(),
            };
            db.Series.Add(series);
            var seriesMeetings = new List<(DemoMeeting, Meeting)>();
            foreach (var demoMeeting in demoSeries.Meetings.OrderBy(m => m.Date))
            {
                var meeting = new Meeting
                {
                    Series = series,
                    Title = demoMeeting.Title ?? Meeting.DefaultTitle(series.Name, demoMeeting.Date),
                    Date = demoMeeting.Date,
                    StartTime = TimeOnly.ParseExact(demoMeeting.Time ?? "10:30", "H:mm", CultureInfo.InvariantCulture),
                    Venue = demoMeeting.Venue ?? series.DefaultVenue,
                    Chair = demoMeeting.Chair,
                    MinuteTaker = demoMeeting.MinuteTaker,
                    Status = demoMeeting.Status,
                    Version = 1,
                    Attendees = (demoMeeting.Attendees ?? []).Select((a, i) => new MeetingAttendee
                    {
                        Name = a.Name,
                        Capacity = a.Capacity,
                        Attendance = a.Attendance,
                        PersonId = people.TryGetValue(a.Name, out var person) && person.Id != 0 ? person.Id : null,
                        Order = i + 1,
                    }).ToList(),
                    AgendaItems = (demoMeeting.Items ?? []).Select((item, i) => new AgendaItem
                    {
                        Section = SectionOf(item.Number),
                        Number = item.Number,
                        Title = item.Title,
                        Questions = item.Questions,
                        Findings = item.Findings,
                        Deferred = item.Deferred,
                        Order = i + 1,
                    }).ToList(),
                };
                db.Meetings.Add(meeting);
                seriesMeetings.Add((demoMeeting, meeting));
            }
            created.Add((demoSeries, series, seriesMeetings));
        }
        await db.SaveChangesAsync(ct);

        // Attendees of people created above get their person id now that it exists.
        foreach (var attendee in created.SelectMany(c => c.Meetings).SelectMany(m => m.Meeting.Attendees).Where(a => a.PersonId is null))
        {
            if (people.TryGetValue(attendee.Name, out var person))
                attendee.PersonId = person.Id;
        }

        // Actions, numbered YYYY/NN by the year of the meeting that raised them, in meeting order.
        var numbering = await ActionNumbering.HoldAsync(db, ct);
        var actionCount = 0;
        var updateCount = 0;
        foreach (var (_, series, seriesMeetings) in created)
        {
            var byDate = seriesMeetings.ToDictionary(m => m.Meeting.Date, m => m.Meeting);
            foreach (var (demoMeeting, raisedAt) in seriesMeetings)
            {
                foreach (var demoAction in demoMeeting.Actions ?? [])
                {
                    var action = NewAction(demoAction, series, raisedAt, roles, byDate);
                    await numbering.NumberAsync(action, raisedAt.Date, ct);
                    db.Actions.Add(action);
                    actionCount++;
                    updateCount += action.Updates.Count;
                }
            }
        }
        await db.SaveChangesAsync(ct);

        return new Loaded(
            created.Select(c => c.Series.Id).ToList(),
            created.Where(c => c.Demo.PlanAhead && !string.IsNullOrWhiteSpace(c.Series.Recurrence)).Select(c => c.Series.Id).ToList(),
            newPeople.Select(p => p.Id).ToList(),
            newHoldings.Select(h => h.Id).ToList(),
            newRoles.Select(r => r.Id).ToList(),
            people.Count,
            created.Sum(c => c.Meetings.Count),
            actionCount,
            updateCount);
    }

    private static ActionItem NewAction(
        DemoAction demo, MeetingSeries series, Meeting raisedAt, Dictionary<string, Role> roles,
        Dictionary<DateOnly, Meeting> meetingsByDate)
    {
        var action = new ActionItem
        {
            Text = demo.Text.Trim(),
            Kind = demo.Kind,
            SeriesId = series.Id,
            RaisedAtMeetingId = raisedAt.Id,
            RaisedAtAgendaItemId = demo.Item is null
                ? null
                : (raisedAt.AgendaItems.Find(i => i.Number == demo.Item)
                    ?? throw new InvalidOperationException($"Demo data: item {demo.Item} is not on the agenda of {raisedAt.Title}.")).Id,
            Owners = demo.Owners.Select(code => RoleFor(roles, code)).Distinct().ToList(),
            Status = ActionStatus.Open,
            Version = 1,
        };
        DuePoints.Apply(action, demo.Due, raisedAt, meetingsByDate.Values);
        action.BeginHistory(raisedAt.Date, Author, London.ToInstant(raisedAt.Date, raisedAt.StartTime).UtcDateTime);

        foreach (var update in (demo.Updates ?? []).OrderBy(u => u.Date))
        {
            var at = update.Meeting is { } date ? MeetingOn(meetingsByDate, date) : null;
            action.Status = update.Status ?? ActionStatus.UpdateProvided;
            action.Updates.Add(NewUpdate(update.Text, update.Date, at, update.Status));
            action.Version++;
        }

        if (demo.Closed is { } closed)
        {
            var at = MeetingOn(meetingsByDate, closed.Meeting);
            var record = NewUpdate(closed.Note, at.Date, at, ActionStatus.Closed);
            action.Close(at.Date, at.Id, record.Text, record.Author, record.RecordedAtUtc);
            action.Version++;
        }
        return action;
    }

    private static ActionUpdate NewUpdate(string text, DateOnly date, Meeting? at, ActionStatus? status) => new()
    {
        Date = date,
        RecordedAtUtc = at is null
            ? London.ToInstant(date, new TimeOnly(12, 0)).UtcDateTime
            : London.ToInstant(date, at.StartTime).UtcDateTime,
        Text = text.Trim(),
        Author = Author,
        MeetingId = at?.Id,
        NewStatus = status,
    };

    private static Meeting MeetingOn(Dictionary<DateOnly, Meeting> meetingsByDate, DateOnly date) =>
        meetingsByDate.TryGetValue(date, out var meeting)
            ? meeting
            : throw new InvalidOperationException($"Demo data: there is no meeting on {date:yyyy-MM-dd} in the series.");

    private static Role RoleFor(Dictionary<string, Role> roles, string code) =>
        roles.TryGetValue(RoleCodes.Normalise(code), out var role)
            ? role
            : throw new InvalidOperationException($"Demo data: role {code} is not in the role list.");

    /// <summary>"4a.3" → "4a"; "5" → "5".</summary>
    private static string SectionOf(string number)
    {
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? number : number[..dot];
    }

    /// <summary>Undoes a load whose second step failed. The database held no meetings before it, so the series' rows are all ours.</summary>
    private async Task RemoveAsync(Loaded loaded)
    {
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var seriesIds = loaded.SeriesIds;
        var meetingIds = db.Meetings.Where(m => seriesIds.Contains(m.SeriesId)).Select(m => m.Id);
        var actionIds = db.Actions.Where(a => seriesIds.Contains(a.SeriesId)).Select(a => a.Id);
        await db.ActionUpdates.Where(u => actionIds.Contains(u.ActionItemId)).ExecuteDeleteAsync();
        await db.Actions.Where(a => seriesIds.Contains(a.SeriesId)).ExecuteDeleteAsync(); // owners go with them (cascade)
        await db.AgendaItems.Where(i => meetingIds.Contains(i.MeetingId)).ExecuteDeleteAsync();
        await db.MeetingAttendees.Where(a => meetingIds.Contains(a.MeetingId)).ExecuteDeleteAsync();
        await db.Meetings.Where(m => seriesIds.Contains(m.SeriesId)).ExecuteDeleteAsync();
        await db.AgendaSections.Where(s => seriesIds.Contains(s.SeriesId)).ExecuteDeleteAsync();
        await db.Series.Where(s => seriesIds.Contains(s.Id)).ExecuteDeleteAsync();
        await db.RoleHoldings.Where(h => loaded.HoldingIds.Contains(h.Id)).ExecuteDeleteAsync();
        await db.People.Where(p => loaded.PersonIds.Contains(p.Id)).ExecuteDeleteAsync();
        await db.Roles.Where(r => loaded.RoleIds.Contains(r.Id)).ExecuteDeleteAsync();
        await tx.CommitAsync(CancellationToken.None);
    }
}

// The shape of Demo/demo-data.json. Unknown properties ("about", "demoNote") are notes for readers and are skipped.
internal sealed record DemoFile(List<DemoRole> Roles, List<DemoPerson> People, List<DemoSeries> Series);

/// <param name="Line">The role this one answers to: where its escalations go.</param>
internal sealed record DemoRole(string Code, string Title, string? Line = null);

internal sealed record DemoPerson(string Name, string? Email, List<DemoHolding>? Holdings);

internal sealed record DemoHolding(string Role, DateOnly From, DateOnly? To = null, bool Temporary = false);

internal sealed record DemoSeries(
    string Name, string Kind, string? Recurrence, string? Venue, List<DemoSection> Sections, List<DemoMeeting> Meetings, bool PlanAhead = false);

internal sealed record DemoSection(string Number, string Title, SectionPurpose Purpose = SectionPurpose.Business);

internal sealed record DemoMeeting(
    DateOnly Date,
    string? Time,
    MeetingStatus Status,
    string? Title = null,
    string? Venue = null,
    string? Chair = null,
    string? MinuteTaker = null,
    List<DemoAttendee>? Attendees = null,
    List<DemoItem>? Items = null,
    List<DemoAction>? Actions = null);

internal sealed record DemoAttendee(string Name, string? Capacity, Attendance Attendance = Attendance.Present);

internal sealed record DemoItem(string Number, string Title, string? Questions = null, string? Findings = null, bool Deferred = false);

internal sealed record DemoAction(
    string Text,
    List<string> Owners,
    string? Item = null,
    string? Due = null,
    ActionKind Kind = ActionKind.Action,
    List<DemoUpdate>? Updates = null,
    DemoClosure? Closed = null);

internal sealed record DemoUpdate(DateOnly Date, string Text, DateOnly? Meeting = null, ActionStatus? Status = null);

internal sealed record DemoClosure(DateOnly Meeting, string Note);
