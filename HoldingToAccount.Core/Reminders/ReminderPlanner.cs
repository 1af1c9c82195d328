using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Core.Reminders;

/// <summary>One reminder the policy says is due: to whom, about what, for which day.</summary>
public sealed record PlannedReminder(
    ReminderKind Kind,
    string Recipient,
    string RecipientName,
    int? PersonId,
    string SubjectKey,
    int? MeetingId,
    int? ActionItemId,
    DateOnly PlannedFor,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> VacantRoles,
    string About);

/// <summary>What a planning pass found: every reminder due, the delivery row each has, and which rows it created.</summary>
public sealed record ReminderPlan(
    DateTimeOffset AsOf,
    IReadOnlyList<PlannedReminder> Due,
    IReadOnlyList<int> DeliveryIds,
    IReadOnlyList<int> CreatedIds,
    IReadOnlyList<string> Unroutable);

/// <summary>
/// Decides which reminders are due at an instant and records each as a <see cref="ReminderDelivery"/> row, once:
/// rows already there (same recipient, kind, subject and day) are left alone, so planning may run any number of times.
/// The actions a digest covers come from <see cref="CarryForward.OutstandingAt"/>; the recipient is whoever holds
/// the owning role on the day (<see cref="PeopleService.HoldersOnAsync"/>); a vacant role goes to the secretariat.
/// </summary>
public sealed partial class ReminderPlanner(
    IDbContextFactory<AppDbContext> factory,
    PeopleService people,
    IOptions<ReminderOptions> options,
    TimeProvider clock,
    ILogger<ReminderPlanner> logger)
{
    private ReminderOptions Policy => options.Value;

    private PeopleService People => people;

    /// <summary>Plans the reminders due at <paramref name="asOf"/> and, unless <paramref name="dryRun"/>, writes the missing rows.</summary>
    public async Task<ReminderPlan> PlanAsync(DateTimeOffset asOf, bool dryRun = false, CancellationToken ct = default)
    {
        if (!Policy.Enabled)
            return new ReminderPlan(asOf, [], [], [], []);

        await using var db = await factory.CreateDbContextAsync(ct);
        var context = new PlanContext(this, db, asOf);
        foreach (var day in MorningDays(asOf))
        {
            await PlanDigestsAsync(context, day, ct);
            await PlanDateRemindersAsync(context, day, ct);
            await PlanOverdueSummaryAsync(context, day, ct);
            await PlanWrittenResponsesAsync(context, day, ct);
        }
        await PlanActionsArisingAsync(context, London.Today(At(asOf)), ct);
        await PlanEscalationsAsync(context, London.Today(At(asOf)), dryRun, ct);

        var due = context.Due.Values
            .Select(d => d.ToPlanned())
            .OrderBy(p => p.PlannedFor).ThenBy(p => p.Kind).ThenBy(p => p.SubjectKey).ThenBy(p => p.Recipient)
            .ToList();
        if (dryRun)
            return new ReminderPlan(asOf, due, [], [], context.Unroutable);

        var (ids, created) = await RecordAsync(due, ct);
        await NoteEscalationsAsync(created, ct);
        if (created.Count > 0)
            LogPlanned(logger, created.Count, asOf);
        return new ReminderPlan(asOf, due, ids, created, context.Unroutable);
    }

    /// <summary>The London days whose morning send time has passed at <paramref name="asOf"/> but not by more than the catch-up window.</summary>
    private List<DateOnly> MorningDays(DateTimeOffset asOf)
    {
        var today = London.Today(At(asOf));
        var back = (int)Math.Ceiling(Policy.CatchUpWindow.TotalDays) + 1;
        return Enumerable.Range(0, back + 1)
            .Select(i => today.AddDays(-i))
            .Where(day =>
            {
                var at = London.ToInstant(day, Policy.SendAt);
                return at <= asOf && asOf - at <= Policy.CatchUpWindow;
            })
            .Order()
            .ToList();
    }

    private async Task PlanDigestsAsync(PlanContext context, DateOnly day, CancellationToken ct)
    {
        var dates = Policy.DigestDays.Select(d => day.AddDays(d)).ToList();
        var meetings = await context.Db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Planned && dates.Contains(m.Date))
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .ToListAsync(ct);
        foreach (var meeting in meetings)
        {
            var owners = await OpenOnly(context.Db.Actions.Where(CarryForward.OutstandingAt(meeting)))
                .SelectMany(a => a.Owners.Select(o => o.Code))
                .Distinct()
                .ToListAsync(ct);
            var about = $"{meeting.Title}, {London.LongDateTime(meeting.Date, meeting.StartTime)}";
            await context.AddAsync(ReminderKind.MeetingDigest, ReminderDelivery.SubjectOfMeeting(meeting.Id), meeting.Id, null, day, owners, about, ct);
        }
    }

    private async Task PlanDateRemindersAsync(PlanContext context, DateOnly day, CancellationToken ct)
    {
        var overdueFrom = day.AddDays(-Policy.OverdueAfterDays);
        var actions = await OpenOnly(context.Db.Actions)
            .Where(a => a.DueKind == DueKind.Date && (a.DueDate == day || a.DueDate == overdueFrom))
            .OrderBy(a => a.Year).ThenBy(a => a.Sequence)
            .Select(a => new { a.Id, a.Year, a.Sequence, a.DueDate, Owners = a.Owners.Select(o => o.Code).ToList() })
            .ToListAsync(ct);
        foreach (var action in actions)
        {
            var kind = action.DueDate == day ? ReminderKind.DueDate : ReminderKind.Overdue;
            var about = $"Action {ActionReference.Format(action.Year, action.Sequence)} due {London.ShortDate(action.DueDate!.Value)}";
            await context.AddAsync(kind, ReminderDelivery.SubjectOfAction(action.Id), null, action.Id, day, action.Owners, about, ct);
        }
    }

    private async Task PlanOverdueSummaryAsync(PlanContext context, DateOnly day, CancellationToken ct)
    {
        if (day.DayOfWeek != Policy.OverdueSummaryDay)
            return;
        var overdue = await OpenOnly(context.Db.Actions.Where(CarryForward.Overdue(context.Db.Meetings, day))).CountAsync(ct);
        if (overdue == 0)
            return;
        var about = $"{overdue} overdue action(s) on {London.ShortDate(day)}";
        foreach (var recipient in await context.SecretariatAsync(day, ct))
            context.Add(ReminderKind.OverdueSummary, ReminderDelivery.SubjectOverdue, null, null, day, recipient, [], [], about);
    }

    /// <summary>Meetings whose written responses fall due <see cref="ReminderOptions.WrittenResponsesWorkingDaysBefore"/>
    /// working days after <paramref name="day"/>: one reminder to the holder of the responding role (CC).</summary>
    private async Task PlanWrittenResponsesAsync(PlanContext context, DateOnly day, CancellationToken ct)
    {
        var before = Policy.WrittenResponsesWorkingDaysBefore;
        var latest = day.AddDays((before * 2) + 14); // far enough to cover weekends and a run of bank holidays
        var meetings = await context.Db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Planned && m.WrittenResponsesDue != null
                && m.WrittenResponsesDue >= day && m.WrittenResponsesDue <= latest)
            .OrderBy(m => m.WrittenResponsesDue).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.WrittenResponsesDue })
            .ToListAsync(ct);
        foreach (var meeting in meetings.Where(m => WorkingDays.Before(m.WrittenResponsesDue!.Value, before) == day))
        {
            var about = $"Written responses for {meeting.Title} due {London.ShortDate(meeting.WrittenResponsesDue!.Value)}";
            await context.AddAsync(ReminderKind.WrittenResponses, ReminderDelivery.SubjectOfMeeting(meeting.Id), meeting.Id, null, day,
                [Policy.WrittenResponsesRole], about, ct);
        }
    }

    private async Task PlanActionsArisingAsync(PlanContext context, DateOnly today, CancellationToken ct)
    {
        var since = today.AddDays(-Policy.ActionsArisingWithinDays);
        var meetings = await context.Db.Meetings.AsNoTracking()
            .Where(m => (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Published) && m.Date <= today && m.Date >= since)
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .ToListAsync(ct);
        foreach (var meeting in meetings)
        {
            var owners = await OpenOnly(context.Db.Actions.Where(a => a.RaisedAtMeetingId == meeting.Id))
                .SelectMany(a => a.Owners.Select(o => o.Code))
                .Distinct()
                .ToListAsync(ct);
            // One per meeting: the planned day is the meeting's own, however many sweeps see it; the recipient is whoever holds the role today.
            await context.AddAsync(ReminderKind.ActionsArising, ReminderDelivery.SubjectOfMeeting(meeting.Id), meeting.Id, null, today, owners,
                $"Actions arising from {meeting.Title}", ct, plannedFor: meeting.Date);
        }
    }

    private static IQueryable<ActionItem> OpenOnly(IQueryable<ActionItem> actions) =>
        actions.Where(ActionItem.Open);

    private async Task<(List<int> Ids, List<int> Created)> RecordAsync(List<PlannedReminder> due, CancellationToken ct)
    {
        if (due.Count == 0)
            return ([], []);
        var now = clock.GetUtcNow().UtcDateTime;
        var days = due.Select(d => d.PlannedFor).Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var existing = await Existing(db, days).ToDictionaryAsync(r => Key(r.Recipient, r.Kind, r.SubjectKey, r.PlannedFor), r => r.Id, ct);
        var toPlan = due.Where(d => !existing.ContainsKey(Key(d.Recipient, d.Kind, d.SubjectKey, d.PlannedFor))).ToList();
        var fresh = toPlan.Select(d => ToRow(d, now)).ToList();
        if (fresh.Count > 0)
        {
            db.Set<ReminderDelivery>().AddRange(fresh);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another sweep planned some of the same reminders at the same moment: add ours one by one, and
                // let the unique index refuse whatever the other one already wrote.
                await using var again = await factory.CreateDbContextAsync(ct);
                foreach (var row in toPlan.Select(d => ToRow(d, now)))
                {
                    again.Set<ReminderDelivery>().Add(row);
                    try
                    {
                        await again.SaveChangesAsync(ct);
                    }
                    catch (DbUpdateException)
                    {
                        again.ChangeTracker.Clear();
                    }
                }
            }
        }

        var all = await Existing(db, days).ToDictionaryAsync(r => Key(r.Recipient, r.Kind, r.SubjectKey, r.PlannedFor), r => r.Id, ct);
        var ids = due.Select(d => all.TryGetValue(Key(d.Recipient, d.Kind, d.SubjectKey, d.PlannedFor), out var id) ? id : 0)
            .Where(id => id != 0).Distinct().ToList();
        var before = existing.Values.ToHashSet();
        var created = ids.Where(id => !before.Contains(id)).ToList();
        return (ids, created);
    }

    private static IQueryable<ReminderKey> Existing(AppDbContext db, List<DateOnly> days) =>
        db.Set<ReminderDelivery>().Where(r => days.Contains(r.PlannedFor))
            .Select(r => new ReminderKey(r.Id, r.Recipient, r.Kind, r.SubjectKey, r.PlannedFor));

    private sealed record ReminderKey(int Id, string Recipient, ReminderKind Kind, string SubjectKey, DateOnly PlannedFor);

    private static string Key(string recipient, ReminderKind kind, string subject, DateOnly day) => $"{recipient}|{kind}|{subject}|{day:yyyy-MM-dd}";

    private static ReminderDelivery ToRow(PlannedReminder d, DateTime now) => new()
    {
        Kind = d.Kind,
        Recipient = d.Recipient,
        RecipientName = d.RecipientName,
        PersonId = d.PersonId,
        SubjectKey = d.SubjectKey,
        MeetingId = d.MeetingId,
        ActionItemId = d.ActionItemId,
        PlannedFor = d.PlannedFor,
        RoleCodes = string.Join(' ', d.Roles),
        VacantRoleCodes = string.Join(' ', d.VacantRoles),
        Status = ReminderStatus.Planned,
        CreatedAtUtc = now,
    };

    private static FixedClock At(DateTimeOffset instant) => new(instant);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    internal sealed record Recipient(string Email, string Name, int? PersonId);

    /// <summary>One planning pass: the holders of each day (asked once), and the reminders gathered so far by key.</summary>
    private sealed class PlanContext(ReminderPlanner planner, AppDbContext db, DateTimeOffset asOf)
    {
        private readonly Dictionary<DateOnly, Dictionary<string, List<Recipient>>> _holders = [];
        private readonly Dictionary<DateOnly, List<Recipient>> _secretariat = [];

        public AppDbContext Db => db;
        public DateTimeOffset AsOf => asOf;
        public Dictionary<string, Gathered> Due { get; } = [];
        public List<string> Unroutable { get; } = [];

        public async Task AddAsync(ReminderKind kind, string subject, int? meetingId, int? actionId, DateOnly day,
            List<string> ownerCodes, string about, CancellationToken ct, DateOnly? plannedFor = null)
        {
            if (ownerCodes.Count == 0)
                return;
            var holders = await HoldersAsync(day, ct);
            var vacant = new List<string>();
            foreach (var code in ownerCodes.Select(RoleCodes.Normalise).Distinct().Order(StringComparer.Ordinal))
            {
                if (holders.TryGetValue(code, out var people) && people.Count > 0)
                {
                    foreach (var person in people)
                        Add(kind, subject, meetingId, actionId, plannedFor ?? day, person, [code], [], about);
                }
                else
                {
                    vacant.Add(code);
                }
            }
            if (vacant.Count == 0)
                return;
            var secretariat = await SecretariatAsync(day, ct);
            if (secretariat.Count == 0)
                Unroutable.Add($"{about}: {string.Join('/', vacant)} vacant on {London.ShortDate(day)} and no secretariat to write to");
            foreach (var person in secretariat)
                Add(kind, subject, meetingId, actionId, plannedFor ?? day, person, vacant, vacant, about);
        }

        public void Add(ReminderKind kind, string subject, int? meetingId, int? actionId, DateOnly day, Recipient to,
            IReadOnlyList<string> roles, IReadOnlyList<string> vacant, string about)
        {
            var key = Key(to.Email, kind, subject, day);
            if (!Due.TryGetValue(key, out var gathered))
                Due[key] = gathered = new Gathered(kind, to, subject, meetingId, actionId, day, about);
            gathered.Roles.UnionWith(roles);
            gathered.Vacant.UnionWith(vacant);
        }

        public async Task<List<Recipient>> SecretariatAsync(DateOnly day, CancellationToken ct)
        {
            if (_secretariat.TryGetValue(day, out var known))
                return known;
            var policy = planner.Policy;
            List<Recipient> list;
            if (!string.IsNullOrWhiteSpace(policy.SecretariatEmail))
            {
                list = [new Recipient(policy.SecretariatEmail.Trim().ToLowerInvariant(), "Secretariat", null)];
            }
            else
            {
                var holders = await HoldersAsync(day, ct);
                list = policy.SecretariatRoleCodes
                    .SelectMany(code => holders.TryGetValue(code, out var people) ? people : [])
                    .DistinctBy(r => r.Email)
                    .ToList();
            }
            _secretariat[day] = list;
            return list;
        }

        private async Task<Dictionary<string, List<Recipient>>> HoldersAsync(DateOnly day, CancellationToken ct)
        {
            if (_holders.TryGetValue(day, out var known))
                return known;
            var rows = await planner.People.HoldersOnAsync(day, null, ct);
            var inactive = (await db.People.Where(p => !p.Active).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            var excluded = (planner.Policy.ExcludedEmails ?? []).Select(e => e.Trim().ToLowerInvariant()).ToHashSet();
            var holders = rows
                .Where(r => !inactive.Contains(r.PersonId) && !string.IsNullOrWhiteSpace(r.Email))
                .Select(r => (Code: RoleCodes.Normalise(r.RoleCode), To: new Recipient(r.Email!.Trim().ToLowerInvariant(), r.PersonName, r.PersonId)))
                .Where(r => !excluded.Contains(r.To.Email))
                .GroupBy(r => r.Code)
                .ToDictionary(g => g.Key, g => g.Select(r => r.To).DistinctBy(r => r.Email).ToList());
            _holders[day] = holders;
            return holders;
        }
    }

    private sealed class Gathered(ReminderKind kind, Recipient to, string subject, int? meetingId, int? actionId, DateOnly day, string about)
    {
        public SortedSet<string> Roles { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Vacant { get; } = new(StringComparer.Ordinal);

        public PlannedReminder ToPlanned() =>
            new(kind, to.Email, to.Name, to.PersonId, subject, meetingId, actionId, day, Roles.ToList(), Vacant.ToList(), about);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Planned {Count} reminder(s) as of {AsOf}")]
    private static partial void LogPlanned(ILogger logger, int count, DateTimeOffset asOf);
}
