using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Import.ActionLog;

/// <summary>
/// Reads a parsed log against the register (<see cref="PlanAsync"/>) and writes it (<see cref="ApplyAsync"/>) in a
/// context whose transaction the caller owns. A row is the register action with its reference, or else the action of
/// the series raised on the same day with the same wording; otherwise it is new, keeping its reference or taking the
/// next of its year. Meetings the log's dates name are found in the series or added.
/// </summary>
internal sealed class ActionLogWriter(AppDbContext db, ActionLogDraft draft, ActionLogCorrections corrections, Actor actor, TimeProvider clock)
{
    private const string _closedNote = "Closed (recorded in the imported action log).";
    private const string _cancelledNote = "Cancelled (recorded in the imported action log).";

    private MeetingSeries _series = null!;
    private DateOnly _today;
    private Dictionary<string, Role> _roles = [];
    private HashSet<string> _codes = [];
    private Dictionary<string, Role> _titles = [];
    private ILookup<string, (string Code, DateOnly From, DateOnly? To)> _holders = null!;
    private readonly Dictionary<DateOnly, Meeting> _meetings = [];
    private readonly List<Meeting> _added = [];
    private readonly List<(LogAction Row, ActionItem? Existing, string Reference, List<Role> Owners, DateOnly RaisedOn)> _plan = [];

    public List<LogRowReview> Rows { get; } = [];
    public List<string> Problems { get; } = [];
    public SortedSet<string> UnknownOwners { get; } = new(StringComparer.OrdinalIgnoreCase);
    public MeetingSeries Series => _series;
    public int MeetingsToCreate { get; private set; }

    public async Task PlanAsync(CancellationToken ct)
    {
        _today = London.Today(clock);
        _series = corrections.SeriesId is { } seriesId
            ? await db.Series.SingleOrDefaultAsync(s => s.Id == seriesId, ct) ?? throw new DomainException($"There is no meeting series {seriesId} to import into.")
            : await db.Series.OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? throw new DomainException("There is no meeting series to import into: add one first.");
        if (!draft.Fields.Contains(LogField.Text))
            throw new DomainException("No column is mapped to Action: choose the column that holds the actions' wording.");
        Problems.AddRange(draft.Problems);

        var roles = await db.Roles.ToListAsync(ct);
        _roles = roles.GroupBy(r => RoleCodes.Normalise(r.Code)).ToDictionary(g => g.Key, g => g.First());
        _codes = _roles.Keys.ToHashSet();
        _titles = roles.GroupBy(r => TextRules.Comparable(r.Title)).ToDictionary(g => g.Key, g => g.First());
        _holders = (await db.RoleHoldings.Select(h => new { h.Person.Name, h.Role.Code, h.From, h.To }).ToListAsync(ct))
            .ToLookup(h => ImportMatching.NameKey(h.Name), h => (h.Code, h.From, h.To));
        foreach (var meeting in await db.Meetings.Where(m => m.SeriesId == _series.Id && m.Status != MeetingStatus.Cancelled).OrderBy(m => m.Id).ToListAsync(ct))
            _meetings.TryAdd(meeting.Date, meeting);

        var references = draft.Actions.Where(a => a.Reference is not null).Select(a => a.Reference!).Distinct().ToList();
        var byReference = new Dictionary<string, ActionItem>(StringComparer.Ordinal);
        foreach (var chunk in references.Chunk(500))
        {
            var keys = chunk.Select(r => Parts(r) is var (y, s) ? y * 100_000 + s : 0).ToList();
            foreach (var action in await WithHistory(db.Actions).Where(a => keys.Contains(a.Year * 100_000 + a.Sequence)).ToListAsync(ct))
                byReference[action.Reference] = action;
        }
        var ofSeries = (await WithHistory(db.Actions).Where(a => a.SeriesId == _series.Id).ToListAsync(ct))
            .GroupBy(a => (a.RaisedAtMeeting.Date, TextRules.Comparable(a.Text))).ToDictionary(g => g.Key, g => g.First());

        var numbering = await ActionNumbering.HoldAsync(db, ct);
        var last = new Dictionary<int, int>();
        foreach (var reference in references.Where(r => !byReference.ContainsKey(r)))
        {
            var (year, sequence) = Parts(reference);
            last[year] = Math.Max(last.GetValueOrDefault(year), sequence);
        }
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var matched = new HashSet<int>();
        var meetingDates = new HashSet<DateOnly>();

        foreach (var row in draft.Actions)
        {
            var warnings = row.Warnings.ToList();
            var problems = row.Problems.ToList();
            var raisedOn = row.Raised.Date ?? corrections.RaisedOnFallback ?? _today;
            if (row.Raised.Date is null)
                warnings.Add($"no date raised: recorded as raised on {London.ShortDate(raisedOn)}");
            var owners = Owners(row.Owners, raisedOn, problems);

            ActionItem? existing = null;
            var reference = row.Reference is { } r && taken.Add(r) ? r : null;
            if (reference is not null && byReference.TryGetValue(reference, out var found))
            {
                if (found.SeriesId != _series.Id)
                    problems.Add($"action {reference} is in the register already, in another series: import the log into that series, or clear the reference");
                existing = found;
            }
            else if (ofSeries.TryGetValue((raisedOn, TextRules.Comparable(row.Text)), out var same) && !matched.Contains(same.Id))
            {
                existing = same;
                reference = same.Reference;
            }
            if (existing is not null && !matched.Add(existing.Id))
            {
                problems.Add($"action {existing.Reference} is on another row of the log too");
            }

            if (reference is null)
            {
                var year = raisedOn.Year;
                var next = Math.Max(last.GetValueOrDefault(year), await numbering.LastAsync(year, ct)) + 1;
                last[year] = next;
                reference = ActionReference.Format(year, next);
            }

            meetingDates.Add(raisedOn);
            if ((row.Due.Meeting ?? row.Due.BoundMeeting) is { } dueOn)
                meetingDates.Add(dueOn);
            var outcome = existing is null ? LogRowOutcome.New : Changes(existing, row, owners) ? LogRowOutcome.Update : LogRowOutcome.Unchanged;
            Rows.Add(new LogRowReview(row.Row, reference, outcome, owners.Select(o => o.Code).ToList(), warnings, problems));
            Problems.AddRange(problems.Select(p => $"Row {row.Row}: {p}").Except(Problems).ToList());
            _plan.Add((row, existing, reference, owners, raisedOn));
        }
        MeetingsToCreate = meetingDates.Count(d => !_meetings.ContainsKey(d));
    }

    /// <summary>The year and number of a reference already checked to be one.</summary>
    private static (int Year, int Sequence) Parts(string reference) =>
        ActionReference.TryParse(reference, out var year, out var sequence) ? (year, sequence) : throw new InvalidOperationException($"“{reference}” is not a reference.");

    private static IQueryable<ActionItem> WithHistory(IQueryable<ActionItem> actions) =>
        actions.Include(a => a.Owners).Include(a => a.Updates).Include(a => a.RaisedAtMeeting).AsSplitQuery();

    private List<Role> Owners(IReadOnlyList<string> tokens, DateOnly on, List<string> problems)
    {
        var owners = new List<Role>();
        foreach (var token in tokens)
        {
            if (Owner(token, on) is { } role)
            {
                if (!owners.Contains(role))
                    owners.Add(role);
            }
            else
            {
                UnknownOwners.Add(token);
                problems.Add($"the owner “{token}” is not a role here, nor someone holding one on {London.ShortDate(on)}: choose the role it stands for");
            }
        }
        if (tokens.Count == 0)
            problems.Add("no owner: write the owning role in the log (such as CC)");
        return owners;
    }

    private Role? Owner(string token, DateOnly on)
    {
        if (corrections.Owners?.GetValueOrDefault(token) is { } chosen && _roles.GetValueOrDefault(RoleCodes.Normalise(chosen)) is { } picked)
            return picked;
        if (ImportMatching.OwnerCode(token, _codes) is { } code)
            return _roles[code];
        if (_titles.GetValueOrDefault(TextRules.Comparable(token)) is { } titled)
            return titled;
        var held = _holders[ImportMatching.NameKey(token)].Where(h => h.From <= on && (h.To is null || h.To >= on)).Select(h => RoleCodes.Normalise(h.Code)).Distinct().ToList();
        return held.Count == 1 ? _roles.GetValueOrDefault(held[0]) : null;
    }

    private static bool Changes(ActionItem action, LogAction row, List<Role> owners) =>
        TextRules.Squash(action.Text) != row.Text
        || !action.Owners.Select(o => o.Id).Order().SequenceEqual(owners.Select(o => o.Id).Order())
        || row.Status is { } status && status != action.Status && action.IsOpen
        || row.Updates.Any(u => !action.Updates.Any(e => TextRules.Comparable(e.Text) == TextRules.Comparable(u.Text)));

    public async Task<ActionLogResult> ApplyAsync(CancellationToken ct)
    {
        if (Problems.Count > 0)
            throw new ImportRefusedException(Problems);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (row, _, _, _, raisedOn) in _plan)
        {
            MeetingOn(raisedOn, row.Raised.Meeting);
            if ((row.Due.Meeting ?? row.Due.BoundMeeting) is { } dueOn)
                MeetingOn(dueOn, row.Due.MeetingTitle);
        }
        await db.SaveChangesAsync(ct);

        var seriesMeetings = _meetings.Values.ToList();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var (row, existing, reference, owners, raisedOn) in _plan)
        {
            if (existing is null)
            {
                var (year, sequence) = Parts(reference);
                var action = new ActionItem { Text = row.Text, SeriesId = _series.Id, RaisedAtMeeting = _meetings[raisedOn], Year = year, Sequence = sequence, Version = 1 };
                action.Owners.AddRange(owners);
                SetDue(action, row, seriesMeetings);
                if (row.Status is { } status && status.IsOpen())
                    action.Status = status;
                action.BeginHistory(raisedOn, actor.Name, now);
                db.Actions.Add(action);
                Finish(action, row, raisedOn, now);
                created++;
            }
            else if (Changes(existing, row, owners))
            {
                await db.ActionPeriods.Where(p => p.ActionItemId == existing.Id).OrderByDescending(p => p.Id).Take(1).LoadAsync(ct);
                var reworded = TextRules.Squash(existing.Text) != row.Text || !existing.Owners.Select(o => o.Id).Order().SequenceEqual(owners.Select(o => o.Id).Order());
                if (reworded)
                {
                    existing.Text = row.Text;
                    existing.Owners.Clear();
                    existing.Owners.AddRange(owners);
                }
                var before = existing.Status;
                if (existing.IsOpen && row.Status is { } status && status.IsOpen())
                    existing.Status = status;
                if (reworded || existing.Status != before)
                    existing.RecordState(_today, Decision.None, actor.Name, now);
                Finish(existing, row, raisedOn, now);
                existing.Version++;
                updated++;
            }
            else
                unchanged++;
        }
        await db.SaveChangesAsync(ct);
        return new ActionLogResult(_series.Name, created, updated, unchanged, _added.Count);
    }

    private Meeting MeetingOn(DateOnly date, string? title)
    {
        if (_meetings.TryGetValue(date, out var meeting))
            return meeting;
        meeting = new Meeting
        {
            SeriesId = _series.Id,
            Title = ImportMatching.MeetingTitle(title is null || LogValues.Date(title) is not null ? null : title, _series.Name, date),
            Date = date,
            StartTime = StartTime(),
            Venue = _series.DefaultVenue,
            Status = date <= _today ? MeetingStatus.Held : MeetingStatus.Planned,
            Version = 1,
        };
        db.Meetings.Add(meeting);
        _meetings[date] = meeting;
        _added.Add(meeting);
        return meeting;
    }

    private TimeOnly StartTime()
    {
        try
        {
            return string.IsNullOrWhiteSpace(_series.Recurrence) ? new TimeOnly(10, 30) : Recurrence.Parse(_series.Recurrence).Time;
        }
        catch (DomainException)
        {
            return new TimeOnly(10, 30);
        }
    }

    private void SetDue(ActionItem action, LogAction row, List<Meeting> seriesMeetings)
    {
        var phrase = row.Due.Phrase is { } p ? ImportMatching.Clip(p, InputLimits.DuePhrase) : null;
        if (row.Due.Meeting is { } on)
        {
            action.DueKind = DueKind.Meeting;
            action.DueMeeting = _meetings[on];
            action.DuePhrase = phrase;
        }
        else if (row.Due.Date is { } date)
        {
            action.DueKind = DueKind.Date;
            action.DueDate = date;
            action.DuePhrase = phrase;
        }
        else if (phrase is not null)
        {
            try
            {
                DuePoints.Apply(action, phrase, action.RaisedAtMeeting, seriesMeetings);
            }
            catch (DomainException)
            {
                action.DueKind = DueKind.None;
                action.DuePhrase = phrase;
            }
        }
    }

    /// <summary>The log's updates the action does not have yet, then its closing or cancelling as the log records it.</summary>
    private void Finish(ActionItem action, LogAction row, DateOnly raisedOn, DateTime now)
    {
        var fresh = row.Updates.Where(u => !action.Updates.Any(e => TextRules.Comparable(e.Text) == TextRules.Comparable(u.Text))).ToList();
        var ends = row.Status is ActionStatus.Closed or ActionStatus.Cancelled && action.IsOpen;
        var on = row.ClosedOn ?? fresh.Where(u => u.Date is not null).Max(u => u.Date) ?? raisedOn;
        // The log's update written on the closing day is the closing record itself, as the register keeps it.
        var closing = ends ? fresh.LastOrDefault(u => u.Date == on) : null;
        foreach (var update in fresh.Where(u => u != closing))
        {
            action.Updates.Add(new ActionUpdate
            {
                Date = update.Date ?? raisedOn,
                RecordedAtUtc = now,
                Text = update.Text,
                Author = actor.Name,
            });
        }
        if (!ends)
            return;
        var atMeeting = _meetings.TryGetValue(on, out var meeting) && meeting.Id > 0 ? meeting.Id : (int?)null;
        if (row.Status == ActionStatus.Closed)
            action.Close(on, atMeeting, closing?.Text ?? _closedNote, actor.Name, now);
        else
            action.Cancel(on, atMeeting, closing?.Text ?? _cancelledNote, actor.Name, now);
    }
}
