using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// Writes one reviewed draft into a context whose transaction the caller owns: the meeting, its attendance and agenda
/// first, then the actions. Every problem found on the way is collected; if there are any, it throws
/// <see cref="ImportRefusedException"/> after the first save, and the caller's transaction undoes everything.
/// </summary>
internal sealed partial class ImportWriter(AppDbContext db, ImportDraft draft, ImportCorrections corrections, Actor actor, TimeProvider clock)
{
    private readonly List<string> _problems = [];
    private readonly List<string> _notes = [];
    private readonly List<ImportedAction> _actions = [];
    private MeetingSeries _series = null!;
    private Meeting _meeting = null!;
    private DateOnly _date;
    private Dictionary<string, AgendaItem> _itemsByNumber = [];
    private Dictionary<int, string> _oldItemOfAction = [];

    /// <summary>
    /// The series, the date and the meeting imported before: what must be known before anything is written. Called
    /// first in the import's transaction, it holds the numbering of new actions until that ends, so no other import
    /// or new action can take the same numbers or slip in the same notes meanwhile.
    /// </summary>
    public static async Task<(MeetingSeries Series, DateOnly Date, PreviousImport? Previous)> LocateAsync(
        AppDbContext db, ImportDraft draft, ImportCorrections corrections, string hash, CancellationToken ct)
    {
        await db.Database.LockAsync(DatabaseLock.ActionNumbering, ct);
        var series = corrections.SeriesId is { } seriesId
            ? await db.Series.Include(s => s.Sections).SingleOrDefaultAsync(s => s.Id == seriesId, ct)
                ?? throw new DomainException($"There is no meeting series {seriesId} to import into.")
            : await db.Series.Include(s => s.Sections).OrderBy(s => s.Id).FirstOrDefaultAsync(ct)
                ?? throw new DomainException("There is no meeting series to import into: add one first.");
        var date = corrections.Date ?? draft.Date?.Value
            ?? throw new DomainException("The notes do not give the meeting date: set it before committing.");

        return (series, date, await PreviousAsync(db, series.Id, date, hash, ct));
    }

    /// <summary>The meeting these notes were imported into before, else the series' meeting on that date: what an
    /// import would update rather than add.</summary>
    public static async Task<PreviousImport?> PreviousAsync(AppDbContext db, int seriesId, DateOnly? date, string hash, CancellationToken ct) =>
        await db.Meetings.Where(m => m.ImportedFromHash == hash).OrderBy(m => m.Id)
            .Select(m => new PreviousImport(m.Id, m.Title, m.Date, true)).FirstOrDefaultAsync(ct)
        ?? await db.Meetings
            .Where(m => m.SeriesId == seriesId && m.Date == date && m.Status != MeetingStatus.Cancelled).OrderBy(m => m.Id)
            .Select(m => new PreviousImport(m.Id, m.Title, m.Date, false)).FirstOrDefaultAsync(ct);

    public async Task<ImportResult> WriteAsync(MeetingSeries series, DateOnly date, PreviousImport? previous, string hash, CancellationToken ct)
    {
        _series = series;
        _date = date;
        if (previous is not null && !corrections.Update)
            throw new DuplicateImportException(previous);

        await WriteMeetingAsync(previous, hash, ct);
        await db.SaveChangesAsync(ct);
        await WriteActionsAsync(ct);
        if (_problems.Count > 0)
            throw new ImportRefusedException(_problems);
        await db.SaveChangesAsync(ct);

        return new ImportResult(_meeting.Id, _meeting.Title, _meeting.Date, _meeting.StartTime, series.Id, series.Name, previous is not null,
            _meeting.Attendees.Count(a => a.Attendance == Attendance.Present), _meeting.Attendees.Count(a => a.Attendance == Attendance.Apologies),
            _meeting.AgendaItems.Count, _actions, _notes);
    }

    private async Task WriteMeetingAsync(PreviousImport? previous, string hash, CancellationToken ct)
    {
        if (previous is null)
        {
            _meeting = new Meeting { SeriesId = _series.Id, Title = "", Version = 1 };
            db.Meetings.Add(_meeting);
        }
        else
        {
            _meeting = await db.Meetings.Include(m => m.Attendees).Include(m => m.AgendaItems).SingleAsync(m => m.Id == previous.MeetingId, ct);
            if (_meeting.SeriesId != _series.Id)
                throw new DomainException($"These notes were imported into another series as {_meeting.Title}; choose that series to update it.");
            _oldItemOfAction = await db.Actions.Where(a => a.RaisedAtMeetingId == _meeting.Id && a.RaisedAtAgendaItem != null)
                .ToDictionaryAsync(a => a.Id, a => a.RaisedAtAgendaItem!.Number, ct);
            db.MeetingAttendees.RemoveRange(_meeting.Attendees);
            db.AgendaItems.RemoveRange(_meeting.AgendaItems);
            _meeting.Attendees.Clear();
            _meeting.AgendaItems.Clear();
            _meeting.Version++;
        }

        _meeting.Date = _date;
        _meeting.StartTime = StartTime(previous is null ? null : _meeting.StartTime);
        _meeting.Title = ImportMatching.MeetingTitle(corrections.Title ?? draft.Title?.Value, _series.Name, _date);
        _meeting.Venue = Text(corrections.Venue ?? draft.Venue?.Value ?? _series.DefaultVenue, InputLimits.Venue);
        _meeting.Chair = Text(corrections.Chair ?? draft.Chair?.Value, InputLimits.PersonName);
        _meeting.MinuteTaker = Text(corrections.MinuteTaker ?? draft.MinuteTaker?.Value, InputLimits.PersonName);
        _meeting.Status = MeetingStatus.Held;
        _meeting.ImportedFromHash = hash;

        await AddAttendeesAsync(ct);
        AddAgendaItems();
    }

    private TimeOnly StartTime(TimeOnly? before)
    {
        if ((corrections.StartTime ?? draft.StartTime?.Value ?? before) is { } time)
            return time;
        var fallback = new TimeOnly(10, 30);
        if (!string.IsNullOrWhiteSpace(_series.Recurrence))
        {
            try
            {
                fallback = Recurrence.Parse(_series.Recurrence).Time;
            }
            catch (DomainException)
            {
                // an unreadable recurrence leaves the usual 10:30
            }
        }
        _notes.Add($"The notes give no start time; {fallback:HH:mm} was used.");
        return fallback;
    }

    private async Task AddAttendeesAsync(CancellationToken ct)
    {
        var people = await ImportMatching.PeopleAsync(db, ct);
        var known = people.Select(p => p.Id).ToHashSet();
        var day = _meeting.Date;
        var held = (await db.RoleHoldings.Where(h => h.From <= day && (h.To == null || h.To >= day))
                .Select(h => new { h.PersonId, h.Role.Code }).ToListAsync(ct))
            .ToLookup(h => h.PersonId, h => h.Code);
        var order = 0;
        void Add(IReadOnlyList<DraftPerson> written, IReadOnlyDictionary<int, int?> chosen, Attendance attendance)
        {
            var ids = written.Select((p, i) => chosen.TryGetValue(i, out var picked) ? picked : ImportMatching.MatchPerson(p.Name, people)).ToList();
            var list = Repaired(written, ids, held);
            for (var i = 0; i < list.Count; i++)
            {
                var person = list[i];
                var personId = ids[i];
                if (personId is { } id && !known.Contains(id))
                {
                    _problems.Add($"{person.Name} is matched to person {id}, who is not on the people list.");
                    personId = null;
                }
                _meeting.Attendees.Add(new MeetingAttendee
                {
                    Name = ImportMatching.Clip(person.Name, InputLimits.PersonName),
                    Capacity = Text(person.Capacity ?? person.Role, InputLimits.Capacity),
                    Attendance = attendance,
                    PersonId = personId,
                    Order = ++order,
                });
            }
        }
        Add(draft.Attendees, corrections.Attendees, Attendance.Present);
        Add(draft.Apologies, corrections.Apologies, Attendance.Apologies);
    }

    /// <summary>
    /// Notes whose names and capacities were extracted as two separate lists are paired in the order written, which
    /// can be wrong. Where the people are known, who held which role on the meeting's day puts each capacity back with
    /// its holder.
    /// </summary>
    private List<DraftPerson> Repaired(IReadOnlyList<DraftPerson> written, List<int?> ids, ILookup<int, string> held)
    {
        var list = written.ToList();
        if (!draft.Warnings.Any(w => w.Contains("paired in the order written", StringComparison.Ordinal)))
            return list;
        var moved = false;
        for (var pass = 0; pass < list.Count; pass++)
        for (var i = 0; i < list.Count; i++)
        {
            if (ids[i] is not { } id || list[i].Role is { } role && held[id].Contains(role))
                continue;
            var j = list.FindIndex(p => p.Role is { } other && held[id].Contains(other));
            if (j < 0 || j == i)
                continue;
            (list[i], list[j]) = (list[i] with { Capacity = list[j].Capacity, Role = list[j].Role }, list[j] with { Capacity = list[i].Capacity, Role = list[i].Role });
            moved = true;
        }
        if (moved)
            _notes.Add("The notes listed names and capacities separately; capacities were matched to who held each role on the day.");
        return list;
    }

    private void AddAgendaItems()
    {
        var sections = _series.Sections.Select(s => s.Number).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var numbers = draft.Items.Select(i => i.Number).ToList();
        _itemsByNumber = new Dictionary<string, AgendaItem>(StringComparer.OrdinalIgnoreCase);
        var order = 0;
        foreach (var item in draft.Items)
        {
            if (!item.Deferred && ImportMatching.IsHeading(item.Number, numbers))
                continue;
            if (_itemsByNumber.ContainsKey(item.Number))
                continue;
            var entity = new AgendaItem
            {
                Number = ImportMatching.Clip(item.Number, 16),
                Section = SectionFor(item, sections),
                Title = ImportMatching.Clip(TextRules.Squash(item.Title), InputLimits.AgendaItemTitle),
                Deferred = item.Deferred,
                Order = ++order,
            };
            _meeting.AgendaItems.Add(entity);
            _itemsByNumber[item.Number] = entity;
        }
    }

    /// <summary>
    /// The series section an item goes in: the one with the same purpose as the notes' section when that is not business
    /// (the notes' "5 Date of next meeting" goes in the series' "6 Date of next meeting"), else the one its number names.
    /// </summary>
    private string SectionFor(DraftItem item, IReadOnlySet<string> sections) =>
        item.Purpose != SectionPurpose.Business && _series.Sections.OrderBy(s => s.Order).FirstOrDefault(s => s.Purpose == item.Purpose) is { } same
            ? same.Number
            : ImportMatching.SectionOf(item.Number, sections);

    private static string? Text(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : ImportMatching.Clip(TextRules.Squash(value), max);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string Author => actor.Name;
}
