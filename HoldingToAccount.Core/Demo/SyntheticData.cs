using System.Globalization;
using Bogus;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using Person = HoldingToAccount.Core.People.Person;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Demo;

/// <summary>
/// Generates a large, realistic register for load tests and benchmarks: three series over the years, role holders
/// changing (temporary ones too), meetings held, cancelled and planned, and actions with owners, due points,
/// updates and closures. Everything is written in one transaction, in batches, so a failed run leaves nothing behind.
/// The same seed and the same clock give the same register.
/// </summary>
public sealed class SyntheticData(IDbContextFactory<AppDbContext> factory, TimeProvider clock)
{
    public const int MaxMeetings = 100_000;
    public const int MaxActions = 1_000_000;

    /// <summary>References are read back with at most five digits of sequence ("2017/99999").</summary>
    private const int _maxSequence = 99_999;
    private const int _batchSize = 5_000;
    private const int _maxYears = 40;
    private static readonly CultureInfo _uk = CultureInfo.GetCultureInfo("en-GB");

    public async Task<SeedResult> SeedAsync(int meetings, int actions, int? randomSeed = null, CancellationToken ct = default)
    {
        if (meetings < 1)
            throw new DomainException("Ask for at least one meeting.");
        if (meetings > MaxMeetings)
            throw new DomainException($"At most {MaxMeetings:N0} meetings can be generated in one run; {meetings:N0} were asked for.");
        if (actions < 0)
            throw new DomainException("The number of actions cannot be negative.");
        if (actions > MaxActions)
            throw new DomainException($"At most {MaxActions:N0} actions can be generated in one run; {actions:N0} were asked for.");

        var seed = randomSeed ?? Environment.TickCount;
        var run = new Run(new Random(seed), new Faker("en_GB") { Random = new Randomizer(seed) }, London.Today(clock));

        await using var db = await factory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var plans = PlanSeries(run, meetings);
        var roles = await EnsureRolesAsync(db, ct);
        var people = await AddPeopleAsync(db, run, roles, plans.Min(p => p.Dates.Count > 0 ? p.Dates[0] : run.Today), ct);
        var series = await AddSeriesAsync(db, plans, ct);
        var held = await AddMeetingsAsync(db, run, plans, series, people, ct);
        var (actionCount, updateCount) = await AddActionsAsync(db, run, actions, held, roles, people, ct);

        await tx.CommitAsync(ct);
        return new SeedResult(true,
            $"Generated {series.Count} series, {people.People} people, {meetings:N0} meetings and {actionCount:N0} actions "
            + $"with {updateCount:N0} updates (random seed {seed}).");
    }

    private sealed record Run(Random Rng, Faker Faker, DateOnly Today)
    {
        public bool Chance(double p) => Rng.NextDouble() < p;
        public T Pick<T>(IReadOnlyList<T> items) => items[Rng.Next(items.Count)];
    }

    // ---------------------------------------------------------------- series and their meeting dates

    private enum Cadence { Monthly, Thematic, Weekly }

    private sealed record SeriesPlan(Cadence Cadence, string Name, string Kind, string? Recurrence, string Venue, TimeOnly Time,
        (string Number, string Title, SectionPurpose Purpose)[] Sections, List<DateOnly> Dates);

    private static readonly (string, string, SectionPurpose)[] _monthlySections =
    [
        ("1", "Outstanding matters / items brought forward", SectionPurpose.BroughtForward),
        ("2", "Operational and reputational opportunities and risks", SectionPurpose.Business),
        ("3", "Chief officer meeting / executive board – update", SectionPurpose.Business),
        ("4a", "Performance against the police and crime plan", SectionPurpose.Business),
        ("4b", "Delivery of strategic initiatives", SectionPurpose.Business),
        ("4c", "HMICFRS inspection programme / service improvement board", SectionPurpose.Business),
        ("5", "AOB", SectionPurpose.Business),
        ("6", "Date of next meeting", SectionPurpose.NextMeeting),
    ];

    private static readonly (string, string, SectionPurpose)[] _thematicSections =
    [
        ("1", "Introduction and purpose", SectionPurpose.Business),
        ("2", "Outstanding actions from earlier sessions", SectionPurpose.BroughtForward),
        ("3", "Presentation from the force lead", SectionPurpose.Business),
        ("4", "Questions and challenge", SectionPurpose.Business),
        ("5", "Partner perspective", SectionPurpose.Business),
        ("6", "Conclusions and actions", SectionPurpose.Business),
    ];

    private static readonly (string, string, SectionPurpose)[] _weeklySections =
    [
        ("1", "Matters arising", SectionPurpose.BroughtForward),
        ("2", "Current issues", SectionPurpose.Business),
        ("3", "Forward look", SectionPurpose.Business),
        ("4", "AOB", SectionPurpose.Business),
    ];

    private static List<SeriesPlan> PlanSeries(Run run, int meetings)
    {
        var monthly = Math.Max(1, (int)Math.Round(meetings * 0.35));
        var thematic = Math.Min(meetings - monthly, (int)Math.Round(meetings * 0.15));
        var weekly = meetings - monthly - thematic;
        return
        [
            new(Cadence.Monthly, "Monthly Assurance Meeting", "Monthly assurance", "last Tuesday monthly 10:30",
                "PCC Conference Room – Hindlip", new TimeOnly(10, 30), _monthlySections,
                MonthlyDates(Recurrence.Parse("last Tuesday monthly 10:30"), monthly, 6, run.Today)),
            new(Cadence.Thematic, "Thematic Assurance Meeting", "Thematic", "second Thursday monthly 14:00",
                "Conference Room 2 – Hindlip", new TimeOnly(14, 0), _thematicSections,
                MonthlyDates(Recurrence.Parse("second Thursday monthly 14:00"), thematic, 3, run.Today)),
            new(Cadence.Weekly, "PCC / CC Weekly Meeting", "Weekly", null,
                "Chief Constable's Office – Hindlip", new TimeOnly(9, 30), _weeklySections,
                WeeklyDates(weekly, 8, run.Today)),
        ];
    }

    /// <summary>The last occurrences before today and the next few from today; evenly spread over the years when there are more than the calendar holds.</summary>
    private static List<DateOnly> MonthlyDates(Recurrence rule, int count, int futureCap, DateOnly today)
    {
        var future = Math.Min(count / 10, futureCap);
        var past = count - future;
        var dates = new List<DateOnly>(count);
        if (past > _maxYears * 12)
        {
            dates.AddRange(Spread(past, today));
        }
        else
        {
            for (var month = new DateOnly(today.Year, today.Month, 1); dates.Count < past; month = month.AddMonths(-1))
            {
                var date = rule.DateIn(month.Year, month.Month);
                if (date < today)
                    dates.Add(date);
            }
        }
        for (var month = new DateOnly(today.Year, today.Month, 1); future > 0; month = month.AddMonths(1))
        {
            var date = rule.DateIn(month.Year, month.Month);
            if (date >= today)
            {
                dates.Add(date);
                future--;
            }
        }
        dates.Sort();
        return dates;
    }

    private static List<DateOnly> WeeklyDates(int count, int futureCap, DateOnly today)
    {
        var future = Math.Min(count / 10, futureCap);
        var past = count - future;
        var dates = new List<DateOnly>(count);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if (past > _maxYears * 52)
            dates.AddRange(Spread(past, today));
        else
            for (var i = 0; i < past; i++)
                dates.Add((thisMonday < today ? thisMonday : thisMonday.AddDays(-7)).AddDays(-7 * i));
        var next = thisMonday >= today ? thisMonday : thisMonday.AddDays(7);
        for (var i = 0; i < future; i++)
            dates.Add(next.AddDays(7 * i));
        dates.Sort();
        return dates;
    }

    /// <summary>More meetings than the calendar holds: spread them over the years on weekdays (several a day if need be).</summary>
    private static IEnumerable<DateOnly> Spread(int count, DateOnly today)
    {
        var start = today.AddYears(-_maxYears);
        var days = today.DayNumber - start.DayNumber - 1;
        for (var i = 0; i < count; i++)
        {
            var date = start.AddDays((int)((long)i * days / count));
            yield return date.DayOfWeek switch
            {
                DayOfWeek.Saturday => date.AddDays(-1),
                DayOfWeek.Sunday => date.AddDays(-2),
                _ => date,
            };
        }
    }

    // ---------------------------------------------------------------- roles and people

    private static readonly (string Code, string Title)[] _roles =
    [
        ("PCC", "Police and Crime Commissioner"),
        ("DPCC", "Deputy Police and Crime Commissioner"),
        ("CC", "Chief Constable"),
        ("DCC", "Deputy Chief Constable"),
        ("ACC", "Assistant Chief Constable"),
        ("CEx", "Chief Executive of the OPCC"),
        ("PM", "Policy manager"),
        ("PO", "Policy officer"),
        ("SO", "Staff officer"),
    ];

    /// <summary>Role code → a detached stub (id, code, title) that can be attached to each batch's context.</summary>
    private static async Task<Dictionary<string, Role>> EnsureRolesAsync(AppDbContext db, CancellationToken ct)
    {
        var existing = await db.Roles.AsNoTracking().ToListAsync(ct);
        var added = new List<Role>();
        foreach (var (code, title) in _roles)
        {
            var normalised = RoleCodes.Normalise(code);
            if (!existing.Exists(r => r.Code == normalised))
                added.Add(new Role { Code = normalised, Title = title });
        }
        db.Roles.AddRange(added);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return existing.Concat(added).ToDictionary(r => r.Code, r => new Role { Id = r.Id, Code = r.Code, Title = r.Title });
    }

    private sealed record Tenure(string RoleCode, string RoleTitle, int PersonId, string Name, DateOnly From, DateOnly? To, bool Temporary);

    private sealed class Holders(List<Tenure> tenures, int people)
    {
        private readonly Dictionary<string, List<Tenure>> _byRole = tenures.GroupBy(t => t.RoleCode).ToDictionary(g => g.Key, g => g.OrderBy(t => t.From).ToList());

        public int People { get; } = people;

        public IEnumerable<Tenure> On(string roleCode, DateOnly day) =>
            _byRole.TryGetValue(roleCode, out var list) ? list.Where(t => t.From <= day && (t.To is null || t.To >= day)) : [];

        public Tenure? First(string roleCode, DateOnly day) => On(roleCode, day).FirstOrDefault();
    }

    /// <summary>Chains of holders per role from a few years before the first meeting to today: tenures, acting-up
    /// (temporary) spells between them, the odd vacancy. ACC has two chains, as forces have several ACCs.</summary>
    private static async Task<Holders> AddPeopleAsync(AppDbContext db, Run run, Dictionary<string, Role> roles, DateOnly firstMeeting, CancellationToken ct)
    {
        var emails = (await db.People.AsNoTracking().Where(p => p.Email != null).Select(p => p.Email!).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        (string Code, int MinMonths, int MaxMonths, double Temporary)[] chains =
        [
            ("PCC", 48, 60, 0), ("DPCC", 24, 60, 0), ("CC", 36, 72, 0.3), ("DCC", 24, 60, 0.4),
            ("ACC", 18, 48, 0.35), ("ACC", 18, 48, 0.35), ("CEx", 36, 96, 0.2), ("PM", 24, 72, 0.2),
            ("PO", 18, 60, 0.1), ("SO", 12, 30, 0.1),
        ];

        var pending = new List<(Person Person, RoleHolding Holding, Role Role)>();
        foreach (var (code, minMonths, maxMonths, temporaryChance) in chains)
        {
            var role = roles[RoleCodes.Normalise(code)];
            var from = firstMeeting.AddMonths(-run.Rng.Next(0, 36)).AddDays(-run.Rng.Next(0, 28));
            var first = true;
            var wasTemporary = false;
            while (from <= run.Today)
            {
                // Someone acts up between substantive holders, never twice in a row.
                var temporary = !first && !wasTemporary && run.Chance(temporaryChance);
                wasTemporary = temporary;
                var to = from.AddMonths(temporary ? run.Rng.Next(2, 10) : run.Rng.Next(minMonths, maxMonths + 1)).AddDays(-1);
                var person = NewPerson(run, emails);
                var holding = new RoleHolding { Person = person, RoleId = role.Id, From = from, To = to >= run.Today ? null : to, Temporary = temporary };
                person.Holdings.Add(holding);
                pending.Add((person, holding, role));
                if (holding.To is null)
                    break;
                from = to.AddDays(run.Chance(0.1) ? run.Rng.Next(14, 60) : 1);
                first = false;
            }
        }
        db.People.AddRange(pending.Select(p => p.Person));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var tenures = pending.Select(p => new Tenure(p.Role.Code, p.Role.Title, p.Person.Id, p.Person.Name, p.Holding.From, p.Holding.To, p.Holding.Temporary)).ToList();
        return new Holders(tenures, pending.Count);
    }

    private static Person NewPerson(Run run, HashSet<string> emails)
    {
        var first = run.Faker.Name.FirstName();
        var last = run.Faker.Name.LastName();
        var local = new string($"{first}.{last}".ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '.').ToArray());
        var email = $"{local}@example.org";
        for (var n = 2; !emails.Add(email); n++)
            email = $"{local}{n}@example.org";
        return new Person { Name = $"{first} {last}", Email = email };
    }

    // ---------------------------------------------------------------- series, meetings, attendance, agenda

    private static async Task<List<MeetingSeries>> AddSeriesAsync(AppDbContext db, List<SeriesPlan> plans, CancellationToken ct)
    {
        var names = (await db.Series.AsNoTracking().Select(s => s.Name).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var series = plans.Select(plan =>
        {
            var name = plan.Name;
            for (var n = 1; names.Contains(name); n++)
                name = n == 1 ? $"{plan.Name} (synthetic)" : $"{plan.Name} (synthetic {n})";
            names.Add(name);
            return new MeetingSeries
            {
                Name = name,
                Kind = plan.Kind,
                Recurrence = plan.Recurrence,
                DefaultVenue = plan.Venue,
                Sections = plan.Sections.Select((s, i) => new AgendaSection { Number = s.Number, Title = s.Title, Order = i + 1, Purpose = s.Purpose }).ToList(),
            };
        }).ToList();
        db.Series.AddRange(series);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return series;
    }

    /// <summary>A saved meeting as the action generator needs it.</summary>
    private sealed record MeetingInfo(int Id, int SeriesId, int Series, int Index, DateOnly Date, TimeOnly Time, MeetingStatus Status, int[] ItemIds)
    {
        public bool IsHeld => Status is MeetingStatus.Held or MeetingStatus.Published;
    }

    private static readonly string[] _themes =
    [
        "Vulnerability", "Rural crime", "Road safety", "Violence against women and girls", "Serious organised crime",
        "Victim services", "Workforce wellbeing", "Digital policing", "Neighbourhood policing", "Estates and fleet",
    ];

    private static async Task<List<List<MeetingInfo>>> AddMeetingsAsync(
        AppDbContext db, Run run, List<SeriesPlan> plans, List<MeetingSeries> series, Holders holders, CancellationToken ct)
    {
        var result = plans.Select(_ => new List<MeetingInfo>()).ToList();
        var batch = new List<(int Series, int Index, Meeting Meeting)>(_batchSize);
        for (var s = 0; s < plans.Count; s++)
        {
            var plan = plans[s];
            var lastPast = plan.Dates.FindLastIndex(d => d < run.Today);
            for (var i = 0; i < plan.Dates.Count; i++)
            {
                var date = plan.Dates[i];
                var status = date >= run.Today ? MeetingStatus.Planned
                    : plan.Dates.Count >= 10 && i != lastPast && run.Chance(0.03) ? MeetingStatus.Cancelled
                    : run.Chance(0.3) ? MeetingStatus.Published
                    : MeetingStatus.Held;
                batch.Add((s, i, NewMeeting(run, plan, series[s], date, status, holders)));
                if (batch.Count == _batchSize)
                    await FlushMeetingsAsync(db, batch, result, ct);
            }
        }
        await FlushMeetingsAsync(db, batch, result, ct);
        return result;
    }

    private static async Task FlushMeetingsAsync(AppDbContext db, List<(int Series, int Index, Meeting Meeting)> batch, List<List<MeetingInfo>> result, CancellationToken ct)
    {
        if (batch.Count == 0)
            return;
        db.Meetings.AddRange(batch.Select(b => b.Meeting));
        await db.SaveChangesAsync(ct);
        foreach (var (s, index, m) in batch)
            result[s].Add(new MeetingInfo(m.Id, m.SeriesId, s, index, m.Date, m.StartTime, m.Status, m.AgendaItems.Select(i => i.Id).ToArray()));
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    private static Meeting NewMeeting(Run run, SeriesPlan plan, MeetingSeries series, DateOnly date, MeetingStatus status, Holders holders)
    {
        var title = plan.Cadence switch
        {
            Cadence.Weekly => $"{series.Name} {date.ToString("d MMMM yyyy", _uk)}",
            Cadence.Thematic => $"{series.Name} – {run.Pick(_themes)} – {date.ToString("MMMM yyyy", _uk)}",
            _ => $"{series.Name} {date.ToString("MMMM yyyy", _uk)}",
        };
        var meeting = new Meeting
        {
            SeriesId = series.Id,
            Title = title,
            Date = date,
            StartTime = plan.Time,
            Venue = plan.Venue,
            Chair = (holders.First("PCC", date) ?? holders.First("DPCC", date))?.Name,
            MinuteTaker = holders.First("PO", date) is { } po ? $"{po.Name}, Policy Officer, OPCC" : null,
            Status = status,
            Version = 1,
        };
        if (status == MeetingStatus.Cancelled)
            return meeting;

        if (status != MeetingStatus.Planned)
        {
            string[] attending = plan.Cadence == Cadence.Weekly ? ["PCC", "CC"] : ["PCC", "DPCC", "CC", "DCC", "ACC", "CEx"];
            var order = 0;
            foreach (var code in attending)
            {
                foreach (var holder in holders.On(code, date).Take(code == "ACC" ? 2 : 1))
                {
                    var capacity = holder.Temporary ? $"T/{holder.RoleTitle} (T/{holder.RoleCode})" : $"{holder.RoleTitle} ({holder.RoleCode})";
                    meeting.Attendees.Add(new MeetingAttendee
                    {
                        PersonId = holder.PersonId,
                        Name = holder.Name,
                        Capacity = capacity,
                        Attendance = order > 0 && run.Chance(0.12) ? Attendance.Apologies : Attendance.Present,
                        Order = ++order,
                    });
                }
            }
        }

        var (min, max) = plan.Cadence switch { Cadence.Monthly => (3, 8), Cadence.Thematic => (2, 5), _ => (1, 4) };
        var items = run.Rng.Next(min, max);
        var perSection = new Dictionary<string, int>();
        var sections = plan.Sections;
        for (var i = 0; i < items; i++)
        {
            var (number, _, _) = sections[Math.Min(sections.Length - 1, i * sections.Length / items + run.Rng.Next(0, 2))];
            perSection[number] = perSection.GetValueOrDefault(number) + 1;
            var topic = run.Pick(_topics);
            var held = status != MeetingStatus.Planned;
            var deferred = held && run.Chance(0.02);
            meeting.AgendaItems.Add(new AgendaItem
            {
                Section = number,
                Number = $"{number}.{perSection[number]}",
                Title = Capitalise(topic),
                Questions = run.Chance(0.6) ? string.Format(_uk, run.Pick(_questions), topic, run.Pick(_areas)) : null,
                Findings = !held ? null
                    : deferred ? "This item was deferred until the next meeting."
                    : string.Join("\n", Enumerable.Range(0, run.Rng.Next(1, 4)).Select(_ => "• " + string.Format(_uk, run.Pick(_findings), topic, run.Pick(_areas)))),
                Deferred = deferred,
                Order = i + 1,
            });
        }
        return meeting;
    }

    // ---------------------------------------------------------------- actions

    private static readonly (string Code, int Weight)[] _owners = [("CC", 5), ("DCC", 3), ("ACC", 3), ("PCC", 2), ("DPCC", 1), ("CEx", 1)];

    private static async Task<(int Actions, int Updates)> AddActionsAsync(
        AppDbContext db, Run run, int count, List<List<MeetingInfo>> bySeries, Dictionary<string, Role> roles, Holders holders, CancellationToken ct)
    {
        if (count == 0)
            return (0, 0);

        // Actions are raised at meetings that took place (any meeting that is not cancelled if none has yet),
        // more at the monthly meetings than at the weekly ones.
        var all = bySeries.SelectMany(s => s).ToList();
        var raising = all.Where(m => m.IsHeld).ToList();
        if (raising.Count == 0)
            raising = all.Where(m => m.Status != MeetingStatus.Cancelled).ToList();
        raising.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Id.CompareTo(b.Id));
        var cumulative = new double[raising.Count];
        double total = 0;
        for (var i = 0; i < raising.Count; i++)
            cumulative[i] = total += raising[i].Series switch { 0 => 4, 1 => 3, _ => 1 };
        var perMeeting = new int[raising.Count];
        for (var i = 0; i < count; i++)
        {
            var at = Array.BinarySearch(cumulative, run.Rng.NextDouble() * total);
            perMeeting[at < 0 ? ~at : at]++;
        }

        var numbering = await ActionNumbering.HoldAsync(db, ct);
        foreach (var year in raising.Select((m, i) => (m.Date.Year, perMeeting[i])).GroupBy(x => x.Year))
        {
            if (await numbering.LastAsync(year.Key, ct) + year.Sum(x => x.Item2) > _maxSequence)
                throw new DomainException($"{year.Key} would get more than {_maxSequence:N0} action references. Ask for more meetings so the actions spread over more years.");
        }

        var ownerPool = _owners.SelectMany(o => Enumerable.Repeat(RoleCodes.Normalise(o.Code), o.Weight)).ToArray();
        var batch = new List<ActionItem>(_batchSize);
        var actions = 0;
        var updates = 0;
        for (var m = 0; m < raising.Count; m++)
        {
            for (var n = 0; n < perMeeting[m]; n++)
            {
                var raisedAt = raising[m];
                var action = NewAction(run, raisedAt, bySeries[raisedAt.Series], ownerPool, roles, holders);
                await numbering.NumberAsync(action, raisedAt.Date, ct);
                batch.Add(action);
                updates += action.Updates.Count;
                if (batch.Count == _batchSize)
                    actions += await FlushActionsAsync(db, batch, roles, ct);
            }
        }
        actions += await FlushActionsAsync(db, batch, roles, ct);
        return (actions, updates);
    }

    private static async Task<int> FlushActionsAsync(AppDbContext db, List<ActionItem> batch, Dictionary<string, Role> roles, CancellationToken ct)
    {
        if (batch.Count == 0)
            return 0;
        db.Roles.AttachRange(roles.Values);
        db.Actions.AddRange(batch);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var saved = batch.Count;
        batch.Clear();
        return saved;
    }

    private static ActionItem NewAction(
        Run run, MeetingInfo raisedAt, List<MeetingInfo> series, string[] ownerPool, Dictionary<string, Role> roles, Holders holders)
    {
        var ownerCodes = new List<string> { run.Pick(ownerPool) };
        if (run.Chance(0.25))
        {
            var second = run.Pick(ownerPool);
            if (second != ownerCodes[0])
                ownerCodes.Add(second);
        }
        var kind = run.Chance(0.07) ? ActionKind.Revisit : ActionKind.Action;
        var topic = run.Pick(_topics);
        var action = new ActionItem
        {
            Text = kind == ActionKind.Revisit
                ? string.Format(_uk, run.Pick(_revisits), topic, run.Pick(_areas))
                : string.Format(_uk, run.Pick(ownerCodes[0] is "PCC" or "DPCC" or "CEX" ? _commissionerActionTexts : _actionTexts),
                    OwnerPhrase(ownerCodes[0]), topic, run.Pick(_areas)),
            Kind = kind,
            SeriesId = raisedAt.SeriesId,
            RaisedAtMeetingId = raisedAt.Id,
            RaisedAtAgendaItemId = raisedAt.ItemIds.Length > 0 && run.Chance(0.7) ? run.Pick(raisedAt.ItemIds) : null,
            Owners = ownerCodes.Select(c => roles[c]).ToList(),
            Status = ActionStatus.Open,
            Version = 1,
        };

        var weekly = raisedAt.Series == 2;
        DateOnly? dueBy = null; // the date of the meeting (or day) the action falls due at
        var roll = run.Rng.NextDouble();
        if (kind == ActionKind.Revisit)
            roll = 0.5; // revisits are dated
        if (roll < 0.45 && LaterMeeting(series, raisedAt.Index, run.Rng.Next(1, 4)) is { } due)
        {
            action.DueKind = DueKind.Meeting;
            action.DueMeetingId = due.Id;
            // A month name alone would read as next year's meeting when the due meeting is in the raising month.
            var sameMonth = due.Date.Year == raisedAt.Date.Year && due.Date.Month == raisedAt.Date.Month;
            action.DuePhrase = weekly || sameMonth || due.Date > raisedAt.Date.AddMonths(11)
                ? $"to the meeting on {due.Date.ToString("d MMMM yyyy", _uk)}"
                : string.Format(_uk, run.Pick(_meetingPhrases), due.Date);
            dueBy = due.Date;
        }
        else if (roll < 0.72)
        {
            var (phrase, date) = kind == ActionKind.Revisit
                ? RevisitDue(run, raisedAt.Date)
                : DateDue(run, raisedAt.Date);
            action.DueKind = DueKind.Date;
            action.DueDate = date;
            action.DuePhrase = phrase;
            dueBy = FirstMeetingOnOrAfter(series, date)?.Date ?? date;
        }
        else if (roll < 0.95)
        {
            action.DueKind = DueKind.NextMeeting;
            action.DuePhrase = run.Chance(0.5) ? "next meeting" : "to the next meeting";
            dueBy = LaterMeeting(series, raisedAt.Index, 1)?.Date;
        }
        else
        {
            action.DueKind = DueKind.None;
            action.DuePhrase = run.Chance(0.5) ? "at a future weekly meeting" : null;
        }

        action.BeginHistory(raisedAt.Date, holders.First("PO", raisedAt.Date)?.Name ?? "Policy officer",
            London.ToInstant(raisedAt.Date, raisedAt.Time).UtcDateTime);

        // Close it at a held meeting at or after it fell due (sometimes after being carried a meeting or two),
        // or leave it open with the state of play.
        MeetingInfo? closeAt = null;
        if (dueBy is { } by && by < run.Today && run.Chance(0.85))
            closeAt = HeldOnOrAfter(series, by, run.Rng.Next(0, 3), run.Today);
        else if (action.DueKind == DueKind.None && run.Chance(0.4))
            closeAt = HeldOnOrAfter(series, raisedAt.Date.AddDays(1), run.Rng.Next(0, 6), run.Today);

        var openUntil = closeAt?.Date ?? run.Today;
        var cancelled = closeAt is not null && run.Chance(0.03);
        var interim = closeAt is not null ? run.Rng.Next(0, 3)
            : dueBy is { } d && d < run.Today ? run.Rng.Next(0, 4)
            : run.Rng.Next(0, 2);
        var proposedComplete = closeAt is null && interim > 0 && run.Chance(0.2);
        for (var i = 0; i < interim; i++)
        {
            var span = openUntil.DayNumber - raisedAt.Date.DayNumber - 1;
            if (span < 1)
                break;
            var date = raisedAt.Date.AddDays(1 + run.Rng.Next(span));
            var at = run.Chance(0.3) ? HeldOnOrAfter(series, date, 0, openUntil) : null;
            if (at is not null)
                date = at.Date;
            var status = proposedComplete && i == interim - 1 ? ActionStatus.ProposedComplete : (ActionStatus?)null;
            action.Updates.Add(NewUpdate(run, date, at, string.Format(_uk, run.Pick(_updates), topic, run.Pick(_areas)),
                Author(run, holders, ownerCodes, date), status));
        }
        action.Updates.Sort((a, b) => a.Date.CompareTo(b.Date));
        if (action.Updates.Count > 0)
            action.Status = proposedComplete ? ActionStatus.ProposedComplete : ActionStatus.UpdateProvided;

        if (closeAt is not null)
        {
            var note = cancelled ? run.Pick(_cancellations) : string.Format(_uk, run.Pick(_closures), topic);
            var record = NewUpdate(run, closeAt.Date, closeAt, note, Author(run, holders, ["PO"], closeAt.Date), null);
            if (cancelled)
                action.Cancel(closeAt.Date, closeAt.Id, record.Text, record.Author, record.RecordedAtUtc);
            else
                action.Close(closeAt.Date, closeAt.Id, record.Text, record.Author, record.RecordedAtUtc);
        }
        action.Version = 1 + action.Updates.Count;
        return action;
    }

    private static MeetingInfo? LaterMeeting(List<MeetingInfo> series, int index, int ahead)
    {
        for (var i = index + 1; i < series.Count; i++)
        {
            if (series[i].Status == MeetingStatus.Cancelled)
                continue;
            if (--ahead == 0)
                return series[i];
        }
        return null;
    }

    private static MeetingInfo? FirstMeetingOnOrAfter(List<MeetingInfo> series, DateOnly date)
    {
        var i = LowerBound(series, date);
        while (i < series.Count && series[i].Status == MeetingStatus.Cancelled)
            i++;
        return i < series.Count ? series[i] : null;
    }

    /// <summary>The held meeting on or after <paramref name="date"/>, skipping <paramref name="skip"/> more held ones, before <paramref name="before"/>.</summary>
    private static MeetingInfo? HeldOnOrAfter(List<MeetingInfo> series, DateOnly date, int skip, DateOnly before)
    {
        MeetingInfo? found = null;
        for (var i = LowerBound(series, date); i < series.Count && series[i].Date < before; i++)
        {
            if (!series[i].IsHeld)
                continue;
            found = series[i];
            if (skip-- == 0)
                break;
        }
        return found;
    }

    private static int LowerBound(List<MeetingInfo> series, DateOnly date)
    {
        int lo = 0, hi = series.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (series[mid].Date < date)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    private static (string Phrase, DateOnly Date) DateDue(Run run, DateOnly raised) => run.Rng.Next(6) switch
    {
        0 => ("within two weeks", raised.AddDays(14)),
        1 => ("in 4 weeks", raised.AddDays(28)),
        2 => ("in 3 months", raised.AddMonths(3)),
        3 => ("in 6 months", raised.AddMonths(6)),
        4 => ("by the end of next month", new DateOnly(raised.Year, raised.Month, 1).AddMonths(2).AddDays(-1)),
        _ => Explicit(raised.AddDays(run.Rng.Next(10, 120))),
    };

    private static (string Phrase, DateOnly Date) Explicit(DateOnly date) => ($"by {date.ToString("d MMMM yyyy", _uk)}", date);

    private static (string Phrase, DateOnly Date) RevisitDue(Run run, DateOnly raised)
    {
        var months = run.Pick([3, 6, 6, 12]);
        return ($"revisit in {months} months' time", raised.AddMonths(months));
    }

    private static ActionUpdate NewUpdate(Run run, DateOnly date, MeetingInfo? at, string text, string author, ActionStatus? status) => new()
    {
        Date = date,
        RecordedAtUtc = London.ToInstant(date, at?.Time ?? new TimeOnly(run.Rng.Next(8, 18), run.Rng.Next(0, 4) * 15)).UtcDateTime,
        Text = text,
        Author = author,
        MeetingId = at?.Id,
        NewStatus = status,
    };

    private static string Author(Run run, Holders holders, IReadOnlyList<string> codes, DateOnly date) =>
        holders.First(run.Pick(codes), date)?.Name ?? holders.First("SO", date)?.Name ?? "Policy officer";

    private static string OwnerPhrase(string code) => code switch
    {
        "CC" => "The CC",
        "DCC" => "The DCC",
        "ACC" => "The ACC for Local Policing",
        "PCC" => "The PCC",
        "DPCC" => "The DPCC",
        "CEX" => "The Chief Executive",
        _ => $"The {code}",
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // ---------------------------------------------------------------- wording

    private static readonly string[] _topics =
    [
        "domestic burglary", "vehicle crime", "rural crime", "101 call handling", "999 call handling", "sickness absence",
        "victim satisfaction", "missing persons", "child sexual exploitation", "cyber crime", "hate crime",
        "the Joint Policing Panel", "Track my Crime", "body worn video", "the communications strategy", "pre-charge bail",
        "stop and search", "the Operational Command Centre", "the savings plan", "the transformation programme",
        "officer and staff wellbeing", "PCSO deployment", "road safety", "anti-social behaviour", "county lines",
        "domestic abuse", "rape and serious sexual offences", "the PEEL recommendations", "custody", "firearms licensing",
        "the estates strategy", "the fleet replacement programme", "recruitment", "workforce diversity", "shoplifting",
        "repeat victims", "the Athena programme", "mental health demand", "the Victims' Code", "drones",
    ];

    private static readonly string[] _areas =
        ["Herefordshire", "North Worcestershire", "South Worcestershire", "Telford and Wrekin", "Shropshire", "the force area"];

    private static readonly string[] _questions =
    [
        "What assurance can the CC give that the force's approach to {0} is being applied consistently across all policing areas?",
        "How confident is the CC that the recent increase in {0} in {1} is the exception?",
        "What steps are being taken to improve performance on {0}, and what impact has there been on service delivery?",
        "Can the CC provide reassurance that the resources for {0} are sufficient to meet demand?",
    ];

    private static readonly string[] _findings =
    [
        "The CC reassured the PCC that {0} is being monitored closely in {1}.",
        "Performance on {0} has improved over the last quarter, but more needs to be done in {1}.",
        "A review of {0} is under way and its findings will be brought to chief officers.",
        "The force has a consistent policy on {0}; it is the application of the policy that varies across {1}.",
        "The PCC sought assurance that the trend in {0} would be brought back in line.",
    ];

    private static readonly string[] _actionTexts =
    [
        "{0} to provide an update on {1}.",
        "{0} to report on progress with {1} in {2}.",
        "An options paper on {1} is required, to include cost and timescales.",
        "{0} to articulate the minimum standard of service for {1} across the force area.",
        "A review of {1} in {2} to be shared with the PCC.",
        "{0} to confirm how performance on {1} will be brought back in line.",
        "{0} to brief the PCC on {1}.",
    ];

    private static readonly string[] _commissionerActionTexts =
    [
        "{0} to review {1} with the CC.",
        "{0} to meet partners in {2} to discuss {1}.",
        "{0} to raise {1} at a weekly meeting with the CC.",
        "{0} to consider commissioning support for {1}.",
    ];

    private static readonly string[] _revisits =
    [
        "Revisit {0}.",
        "Revisit {0} in {1} once the new arrangements have bedded in.",
        "Return to {0} to check that the improvements have been sustained.",
    ];

    private static readonly string[] _meetingPhrases =
    [
        "to the {0:MMMM} meeting",
        "to be brought back to the {0:MMMM} meeting",
        "brought forward to the holding to account meeting in {0:MMMM yyyy}",
        "for the {0:MMMM} meeting",
    ];

    private static readonly string[] _updates =
    [
        "Work on {0} is progressing; a fuller update will follow.",
        "The review of {0} in {1} has started and is due to report shortly.",
        "A briefing paper on {0} has been circulated to the PCC.",
        "Figures for {0} in {1} have improved since the last meeting.",
        "The lead officer for {0} has been asked to reduce the proposed timescales.",
    ];

    private static readonly string[] _closures =
    [
        "Completed.",
        "Update on {0} provided at the meeting; the PCC was assured.",
        "Paper on {0} received and discussed.",
        "Briefing on {0} arranged and held.",
    ];

    private static readonly string[] _cancellations =
    [
        "No longer required: superseded by a later action.",
        "Withdrawn at the meeting.",
    ];
}
