using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Actions;

public sealed partial class ActionService(IDbContextFactory<AppDbContext> factory, TimeProvider clock)
{
    public const int MaxTextLength = InputLimits.ActionText;

    public async Task<Page<ActionRow>> FindAsync(ActionFilter filter, int skip = 0, int take = 50, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = Filtered(db, db.Actions, filter);
        var total = await query.CountAsync(ct);
        var rows = await RowsAsync(db, query
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.Sequence)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)), Tomorrow(), ct);
        return new Page<ActionRow>(rows, total);
    }

    /// <summary>The register a page at a time, newest first. Any page number can be asked for: the page reported is
    /// the page asked for (at least 1) and its rows are that page's rows, so a page past the end is empty, never another page.</summary>
    public async Task<NumberedPage<ActionRow>> PageAsync(ActionFilter filter, int? page, int? pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, 500);
        var number = Math.Max(1, page ?? 1);
        // Counted in long: page × size passes int's range long before it passes the end of any register.
        var skip = (int)Math.Min((long)(number - 1) * size, int.MaxValue);
        var found = await FindAsync(filter, skip, size, ct);
        return new NumberedPage<ActionRow>(found.Items, found.Total, number, size);
    }

    public Task<ActionDetail?> GetAsync(string reference, CancellationToken ct = default) => GetAsync(reference, reader: null, ct);

    /// <summary>One action with its updates, as <paramref name="reader"/> may read it: null when it does not exist or
    /// is hidden from them (<see cref="Restriction"/>), so the two cannot be told apart.</summary>
    public async Task<ActionDetail?> GetAsync(string reference, Actor? reader, CancellationToken ct = default)
    {
        if (!ActionReference.TryParse(reference, out var year, out var sequence))
            return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = (await RowsAsync(db, db.Actions.VisibleTo(reader).Where(a => a.Year == year && a.Sequence == sequence), Tomorrow(), ct))
            .SingleOrDefault();
        if (row is null)
            return null;
        var updates = (await UpdatesAsync(db, [row.Id], ct)).GetValueOrDefault(row.Id) ?? [];
        return new ActionDetail(row, updates);
    }

    /// <summary>The updates of each of <paramref name="actionIds"/>, oldest first, read in one query.</summary>
    public async Task<IReadOnlyDictionary<int, List<ActionUpdateRow>>> UpdatesOfAsync(IReadOnlyCollection<int> actionIds, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await UpdatesAsync(db, actionIds, ct);
    }

    private static async Task<Dictionary<int, List<ActionUpdateRow>>> UpdatesAsync(AppDbContext db, IReadOnlyCollection<int> actionIds, CancellationToken ct) =>
        (await db.ActionUpdates.Where(u => actionIds.Contains(u.ActionItemId))
            .OrderBy(u => u.Date).ThenBy(u => u.Id)
            .Select(u => new { u.ActionItemId, Row = new ActionUpdateRow(u.Date, u.Text, u.Author, u.MeetingId, u.NewStatus, u.Decision, u.Channel) })
            .ToListAsync(ct))
        .GroupBy(u => u.ActionItemId)
        .ToDictionary(g => g.Key, g => g.Select(u => u.Row).ToList());

    /// <summary>Open actions owned by a role the actor's person holds today, or a role they act for; earliest due first.</summary>
    public async Task<IReadOnlyList<ActionRow>> OwnedByAsync(Actor actor, CancellationToken ct = default)
    {
        var today = London.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var roles = await RolesHeldAsync(db, actor, today, ct);
        var rows = await RowsAsync(db, OpenOwnedBy(db, roles).OrderBy(a => a.Year).ThenBy(a => a.Sequence), Tomorrow(), ct);
        return rows.OrderBy(r => r.DueMeeting?.Date ?? r.DueDate ?? DateOnly.MaxValue).ToList();
    }

    /// <summary>The actions brought forward to a meeting, with "times carried" as it stood at that meeting.</summary>
    public Task<IReadOnlyList<ActionRow>> OutstandingAtAsync(int meetingId, CancellationToken ct = default) =>
        OutstandingAtAsync(meetingId, ownedBy: null, ct);

    /// <summary>The same, as <paramref name="reader"/> may read them (<see cref="Restriction"/>).</summary>
    public Task<IReadOnlyList<ActionRow>> OutstandingAtAsync(int meetingId, Actor? reader, CancellationToken ct = default) =>
        OutstandingAtAsync(meetingId, ownedBy: null, reader, ct);

    /// <summary>The same, narrowed to actions owned by any of <paramref name="ownedBy"/> (role codes) when given.</summary>
    public Task<IReadOnlyList<ActionRow>> OutstandingAtAsync(int meetingId, IReadOnlyCollection<string>? ownedBy, CancellationToken ct = default) =>
        OutstandingAtAsync(meetingId, ownedBy, reader: null, ct);

    private async Task<IReadOnlyList<ActionRow>> OutstandingAtAsync(int meetingId, IReadOnlyCollection<string>? ownedBy, Actor? reader, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new NotFoundException($"There is no meeting {meetingId}.");
        var query = db.Actions.VisibleTo(reader).Where(CarryForward.OutstandingAt(meeting));
        if (ownedBy is not null)
        {
            var codes = ownedBy.Select(RoleCodes.Normalise).ToList();
            query = query.Where(a => a.Owners.Any(o => codes.Contains(o.Code)));
        }
        return await RowsAsync(db, query.OrderBy(a => a.Year).ThenBy(a => a.Sequence), meeting.Date, ct);
    }

    /// <summary>The actions agreed at a meeting.</summary>
    public Task<IReadOnlyList<ActionRow>> RaisedAtAsync(int meetingId, CancellationToken ct = default) => RaisedAtAsync(meetingId, reader: null, ct);

    /// <summary>The actions agreed at a meeting, as <paramref name="reader"/> may read them (<see cref="Restriction"/>).</summary>
    public async Task<IReadOnlyList<ActionRow>> RaisedAtAsync(int meetingId, Actor? reader, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await RowsAsync(db, db.Actions.VisibleTo(reader).Where(a => a.RaisedAtMeetingId == meetingId)
            .OrderBy(a => a.Year).ThenBy(a => a.Sequence), Tomorrow(), ct);
    }

    public async Task<ActionRow> RaiseAsync(NewAction input, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.RunMeetings, "add actions");
        var text = InputValidation.Checked(input with { Text = ControlCharacters.Strip(input.Text ?? "").Trim() }).Text;

        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == input.RaisedAtMeetingId, ct)
            ?? throw new DomainException($"There is no meeting {input.RaisedAtMeetingId} to raise the action at.");
        var raisedOn = input.RaisedOn ?? meeting.Date;
        if (raisedOn < meeting.Date)
            throw new DomainException("An action cannot be raised before the meeting it is recorded against.");
        var owners = await ResolveOwnersAsync(db, input.OwnerCodes, ct);
        var action = new ActionItem
        {
            Text = text,
            Kind = input.Kind,
            SeriesId = meeting.SeriesId,
            RaisedAtMeetingId = meeting.Id,
            RaisedAtAgendaItemId = input.AgendaItemId,
            Owners = owners,
            Status = ActionStatus.Open,
            Version = 1,
        };
        var phraseFromText = string.IsNullOrWhiteSpace(input.DuePhrase) && input.DueMeetingId is null;
        var parsed = await SetDueAsync(db, action, meeting, raisedOn, phraseFromText ? text : input.DuePhrase, input.DueMeetingId, ct);
        if (phraseFromText)
            action.DuePhrase = parsed is null or { Kind: DueTargetKind.Unrecognised } ? null : parsed.Phrase;
        if (input.AgendaItemId is { } itemId && !await db.AgendaItems.AnyAsync(i => i.Id == itemId && i.MeetingId == meeting.Id, ct))
            throw new DomainException("That agenda item is not part of the meeting the action is raised at.");

        action.BeginHistory(meeting.Date, actor.Name, clock.GetUtcNow().UtcDateTime);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await (await ActionNumbering.HoldAsync(db, ct)).NumberAsync(action, raisedOn, ct);
        db.Actions.Add(action);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await GetAsync(action.Reference, ct))!.Action;
    }

    public async Task CloseAsync(string reference, int expectedVersion, int? atMeetingId, string note, Actor actor, CancellationToken ct = default) =>
        await ChangeAsync(reference, expectedVersion, actor, ct, async (db, action) =>
        {
            ActionPermissions.Demand(actor, Permission.RunMeetings, "close an action");
            var meeting = atMeetingId is { } meetingId
                ? await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new DomainException($"There is no meeting {meetingId}.")
                : null;
            action.Close(meeting?.Date ?? London.Today(clock), meeting?.Id, string.IsNullOrWhiteSpace(note) ? "Closed." : note.Trim(),
                actor.Name, clock.GetUtcNow().UtcDateTime);
        });

    /// <summary>Posts an update (and optionally proposes completion). <paramref name="expectedVersion"/> null means "whatever is current";
    /// <paramref name="atMeetingId"/>: the meeting it is recorded at, when the chair notes it there.</summary>
    public async Task AddUpdateAsync(string reference, int? expectedVersion, string text, ActionStatus? newStatus, Actor actor, int? atMeetingId = null, CancellationToken ct = default) =>
        await ChangeAsync(reference, expectedVersion, actor, ct,
            (db, action) => ApplyUpdateAsync(db, action, text, newStatus, actor, atMeetingId, UpdateChannel.App, ct));

    /// <summary>The one rule for posting an update, whichever way it arrives: who may, what it may say, what it changes.</summary>
    private async Task ApplyUpdateAsync(AppDbContext db, ActionItem action, string text, ActionStatus? newStatus, Actor actor, int? atMeetingId,
        UpdateChannel channel, CancellationToken ct)
    {
        if (!await ActionPermissions.CanUpdateAsync(db, actor, action.Id, London.Today(clock), ct))
            throw new ForbiddenException(actor.May(Permission.UpdateActions)
                ? $"Action {action.Reference} is owned by a role you do not hold today, so you cannot update it."
                : "Viewers cannot update actions.");
        var written = ControlCharacters.Strip(text).Trim();
        if (written.Length == 0)
            throw new DomainException("Write the update before posting it.");
        if (written.Length > InputLimits.UpdateText)
            throw new DomainException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"An update can be at most {InputLimits.UpdateText:N0} characters."));
        if (!action.IsOpen)
            throw new DomainException($"Action {action.Reference} is {action.Status.ToString().ToLowerInvariant()}; it takes no more updates.");
        if (newStatus is not (null or ActionStatus.UpdateProvided or ActionStatus.ProposedComplete))
            throw new DomainException("An update can only propose completion; closing or cancelling an action is done in the meeting, which records where.");
        var before = action.Status;
        action.Status = newStatus ?? ActionStatus.UpdateProvided;
        if (atMeetingId is { } meetingId && !await db.Meetings.AnyAsync(m => m.Id == meetingId, ct))
            throw new DomainException($"There is no meeting {meetingId}.");
        if (action.Status != before)
            Decided(action, atMeetingId is null ? Decision.None : Decision.Noted, actor);
        AppendUpdate(action, written, actor.Name, London.Today(clock), atMeetingId, newStatus,
            atMeetingId is null ? Decision.None : Decision.Noted, channel);
    }

    private static async Task<List<ActionRow>> RowsAsync(
        AppDbContext db, IQueryable<ActionItem> query, DateOnly before, CancellationToken ct, CarryForward.Timeline.Calendar? calendar = null)
    {
        var cores = await query.Select(CarryForward.ToRowCore()).ToListAsync(ct);
        var ids = cores.Select(c => c.Id).ToList();
        var owners = (await db.Actions.Where(a => ids.Contains(a.Id))
            .SelectMany(a => a.Owners, (a, o) => new { a.Id, o.Code }).ToListAsync(ct)).ToLookup(o => o.Id, o => o.Code);
        foreach (var core in cores)
            core.Owners.AddRange(owners[core.Id].Order(StringComparer.Ordinal));
        var timeline = await CarryForward.Timeline.ReadAsync(db, cores.Select(c => c.Facts).ToList(), ct, calendar);
        var updateIds = cores.Where(c => c.LatestUpdateId != null).Select(c => c.LatestUpdateId!.Value).ToList();
        // Read as the row shows them, not as entities: an export reads tens of thousands, and tracking them is most of the cost.
        var updates = updateIds.Count == 0 ? [] : await db.ActionUpdates.Where(u => updateIds.Contains(u.Id))
            .Select(u => new KeyValuePair<int, LatestUpdate>(u.Id, new LatestUpdate(u.Date, u.Text, u.Author, u.Decision, u.MeetingId, u.Channel)))
            .ToDictionaryAsync(u => u.Key, u => u.Value, ct);
        return cores.Select(c => timeline.Complete(c, before, updates)).ToList();
    }

    /// <summary>How many times an append without a version is tried before it gives up; each try that loses to another
    /// writer means that writer's change landed, so this bounds only a pile-up of writers on one action.</summary>
    private const int AppendAttempts = 12;

    private async Task ChangeAsync(string reference, int? expectedVersion, Actor actor, CancellationToken ct, Func<AppDbContext, ActionItem, Task> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ChangeOnceAsync(reference, expectedVersion, actor, ct, change);
                return;
            }
            catch (StaleEditException) when (expectedVersion is null && attempt < AppendAttempts)
            {
                // Without a version the writer asked for no particular state, so someone else's change meanwhile is
                // no conflict: apply it again to the action as it now stands. A short random pause spreads the writers out.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), ct);
            }
        }
    }

    private async Task ChangeOnceAsync(string reference, int? expectedVersion, Actor actor, CancellationToken ct, Func<AppDbContext, ActionItem, Task> change)
    {
        if (!ActionReference.TryParse(reference, out var year, out var sequence))
            throw new NotFoundException($"\"{reference}\" is not an action reference (they look like 2017/03).");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var action = await db.Actions.Include(a => a.Owners).SingleOrDefaultAsync(a => a.Year == year && a.Sequence == sequence, ct)
            ?? throw new NotFoundException($"There is no action {ActionReference.Format(year, sequence)}.");
        if (expectedVersion is { } expected && action.Version != expected)
            throw Stale(action.Reference);
        // The latest period, so a new one follows it (ActionItem.RecordState) and undo knows what it would undo.
        await db.ActionPeriods.Where(p => p.ActionItemId == action.Id).OrderByDescending(p => p.Id).Take(1).LoadAsync(ct);
        await change(db, action);
        action.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale(action.Reference);
        }
    }

    private static StaleEditException Stale(string reference) =>
        new($"Action {reference} was changed by someone else since you opened it. Reload it to see their change, then try again.");

    /// <summary>Records the action's new state in its history, in force from today.</summary>
    private void Decided(ActionItem action, Decision decision, Actor actor) =>
        action.RecordState(London.Today(clock), decision, actor.Name, clock.GetUtcNow().UtcDateTime);

    private void AppendUpdate(ActionItem action, string text, string author, DateOnly date, int? meetingId, ActionStatus? status, Decision decision,
        UpdateChannel channel = UpdateChannel.App) =>
        action.Updates.Add(new ActionUpdate
        {
            Date = date,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            Text = text,
            Author = author,
            MeetingId = meetingId,
            NewStatus = status,
            Decision = decision,
            Channel = channel,
        });

    internal static async Task<List<Role>> ResolveOwnersAsync(AppDbContext db, IReadOnlyList<string> codes, CancellationToken ct)
    {
        var wanted = codes.Select(RoleCodes.Normalise).Where(c => c.Length > 0).Distinct().ToList();
        if (wanted.Count == 0)
            throw new DomainException("Name at least one owner role (for example CC).");
        var roles = await db.Roles.Where(r => wanted.Contains(r.Code)).ToListAsync(ct);
        var unknown = wanted.Except(roles.Select(r => r.Code)).ToList();
        if (unknown.Count > 0)
        {
            var known = await db.Roles.OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
            throw new DomainException($"Unknown owner role {string.Join(", ", unknown)}. Known roles: {string.Join(", ", known)}.");
        }
        return roles;
    }

    private static async Task<DuePhrase?> SetDueAsync(AppDbContext db, ActionItem action, Meeting raisedAt, DateOnly raisedOn, string? phrase, int? dueMeetingId, CancellationToken ct)
    {
        if (dueMeetingId is { } id)
        {
            var due = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct)
                ?? throw new DomainException($"There is no meeting {id} to bring the action to.");
            if (due.SeriesId != raisedAt.SeriesId)
                throw new DomainException("An action is brought to a later meeting of the same series.");
            if (due.Date <= raisedOn)
                throw new DomainException(raisedOn == raisedAt.Date
                    ? $"The due meeting ({London.ShortDate(due.Date)}) must be after the meeting that raised the action ({London.ShortDate(raisedAt.Date)})."
                    : $"The due meeting ({London.ShortDate(due.Date)}) must be after the day it is raised ({London.ShortDate(raisedOn)}).");
            action.DueKind = DueKind.Meeting;
            action.DueMeetingId = id;
            action.DuePhrase = phrase?.Trim();
            return null;
        }

        var candidates = await db.Meetings.Where(m => m.SeriesId == raisedAt.SeriesId && m.Date > raisedOn).ToListAsync(ct);
        return raisedOn == raisedAt.Date ? DuePoints.Apply(action, phrase, raisedAt, candidates) : DuePoints.Apply(action, phrase, raisedOn, candidates);
    }

    private DateOnly Tomorrow() => London.Today(clock).AddDays(1);

    private static IQueryable<ActionItem> Filtered(AppDbContext db, IQueryable<ActionItem> query, ActionFilter filter)
    {
        query = query.VisibleTo(filter.Reader);
        if (!string.IsNullOrWhiteSpace(filter.Owner))
        {
            var owner = RoleCodes.Normalise(filter.Owner);
            query = query.Where(a => a.Owners.Any(o => o.Code == owner));
        }
        if (filter.Status is { } status)
            query = query.Where(a => a.Status == status);
        if (filter.OpenOnly)
            query = query.Where(ActionItem.Open);
        if (filter.SeriesId is { } seriesId)
            query = query.Where(a => a.SeriesId == seriesId);
        if (!string.IsNullOrWhiteSpace(filter.Text))
            query = ActionTextSearch.Matching(db, query, filter.Text);
        return query;
    }
}
