using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Import;

internal sealed partial class ImportWriter
{
    private const string _closedAtMeeting = "Closed at the meeting (imported from the notes).";

    private Dictionary<string, Role> _roles = [];
    private List<Meeting> _seriesMeetings = [];
    private ActionNumbering _numbering = null!;

    private async Task WriteActionsAsync(CancellationToken ct)
    {
        _numbering = await ActionNumbering.HoldAsync(db, ct);
        _roles = (await db.Roles.ToListAsync(ct)).GroupBy(r => RoleCodes.Normalise(r.Code)).ToDictionary(g => g.Key, g => g.First());
        _seriesMeetings = await db.Meetings.Where(m => m.SeriesId == _series.Id).ToListAsync(ct);
        var earlier = (await ImportMatching.Continuable(db.Actions.Include(a => a.Updates), _series.Id, _date)
                .Where(a => a.RaisedAtMeetingId != _meeting.Id).ToListAsync(ct))
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.Sequence).ToList();
        var raisedHere = await db.Actions.Include(a => a.Updates).Include(a => a.Owners).Include(a => a.Periods)
            .Where(a => a.RaisedAtMeetingId == _meeting.Id).ToListAsync(ct);
        // An earlier import's action that has had an update since is history now: it stays as it is.
        var kept = raisedHere.Where(a => a.Updates.Any(u => u.MeetingId != _meeting.Id)).ToList();
        var replaceable = raisedHere.Except(kept).ToList();
        var keptBefore = kept.ToList();

        for (var i = 0; i < draft.Actions.Count; i++)
        {
            var correction = corrections.Actions.GetValueOrDefault(i);
            if (correction?.Skip == true)
                continue;
            var found = draft.Actions[i];
            var text = TextRules.Squash(correction?.Text ?? found.Text);
            var label = $"Action {i + 1} (“{ImportMatching.Short(text)}”)";
            if (text.Length == 0)
            {
                _problems.Add($"{label} has no text: write it or leave the action out.");
                continue;
            }
            if (text.Length > ActionService.MaxTextLength)
                _problems.Add($"{label} is {text.Length} characters long; an action can be at most {ActionService.MaxTextLength}.");
            var ownerTokens = correction?.Owners ?? found.Owners;
            if (found.IsDeferralOnly(ownerTokens))
            {
                _notes.Add($"Item {found.ItemNumber} was deferred until the next meeting; it is marked deferred on the agenda rather than raised as an action.");
                continue;
            }

            var existing = correction?.NotInRegister == true ? null : await ExistingAsync(correction?.ExistingReference, found, text, earlier, label, ct);
            if (existing is not null)
            {
                Continue(existing, found);
                continue;
            }

            var owners = Owners(ownerTokens, label);
            var comparable = TextRules.Comparable(text);
            if (kept.Find(a => TextRules.Comparable(a.Text) == comparable) is { } keep)
            {
                _actions.Add(new ImportedAction(keep.Reference, keep.Text, Codes(keep.Owners), ImportedActionOutcome.Kept, Due(keep)));
                kept.Remove(keep);
                continue;
            }
            var action = replaceable.Find(a => TextRules.Comparable(a.Text) == comparable);
            if (action is not null)
            {
                replaceable.Remove(action);
                db.ActionUpdates.RemoveRange(action.Updates);
                action.Updates.Clear();
                db.ActionPeriods.RemoveRange(action.Periods);
                action.Periods.Clear();
                action.Owners.Clear();
                action.Version++;
            }
            else
            {
                action = new ActionItem { Text = text, SeriesId = _series.Id, RaisedAtMeeting = _meeting, Version = 1 };
                await _numbering.NumberAsync(action, _date, ct);
                db.Actions.Add(action);
            }
            Raise(action, found, correction, text, owners, label);
        }

        foreach (var gone in replaceable)
        {
            _actions.Add(new ImportedAction(gone.Reference, gone.Text, Codes(gone.Owners), ImportedActionOutcome.Removed, Due(gone)));
            db.Actions.Remove(gone);
        }
        foreach (var keep in kept)
            _actions.Add(new ImportedAction(keep.Reference, keep.Text, Codes(keep.Owners), ImportedActionOutcome.Kept, Due(keep)));
        // The agenda was written afresh: an action kept from the earlier import points at its item's successor.
        foreach (var keep in keptBefore)
        {
            if (_oldItemOfAction.TryGetValue(keep.Id, out var number))
                keep.RaisedAtAgendaItem = _itemsByNumber.GetValueOrDefault(number);
        }
    }

    private void Raise(ActionItem action, DraftAction found, ActionCorrection? correction, string text, List<Role> owners, string label)
    {
        action.Text = text;
        action.Owners.AddRange(owners);
        action.Kind = text.StartsWith("revisit", StringComparison.OrdinalIgnoreCase) ? ActionKind.Revisit : ActionKind.Action;
        action.RaisedAtAgendaItem = found.ItemNumber is { } number ? _itemsByNumber.GetValueOrDefault(number) : null;
        action.Status = ActionStatus.Open;
        action.ClosedAtMeeting = null;
        action.ClosedAtMeetingId = null;
        action.ClosedOn = null;
        SetDue(action, found, correction, label);
        action.BeginHistory(_date, Author, Now);

        if (found.BroughtForward)
            _notes.Add($"{label} was brought forward from an earlier meeting that is not in the register; it is recorded as raised at this meeting.");
        foreach (var update in found.Updates)
            AddUpdate(action, update);
        var closed = found.Status == DraftActionStatus.Closed;
        if (closed)
            Close(action);
        _actions.Add(new ImportedAction(action.Reference, text, Codes(owners), closed ? ImportedActionOutcome.RaisedAndClosed : ImportedActionOutcome.Raised, Due(action)));
    }

    /// <summary>A brought-forward action already in the register: its updates from the notes, and its closure if the notes close it.</summary>
    private void Continue(ActionItem existing, DraftAction found)
    {
        var added = found.Updates.Count(update => AddUpdate(existing, update));
        var closed = found.Status == DraftActionStatus.Closed && existing.IsOpen;
        if (closed)
            Close(existing);
        else if (added > 0 && existing.Status == ActionStatus.Open)
            existing.Status = ActionStatus.UpdateProvided;
        if (added > 0 || closed)
            existing.Version++;
        _actions.Add(new ImportedAction(existing.Reference, existing.Text, Codes(existing.Owners),
            existing.Status == ActionStatus.Closed && existing.ClosedAtMeetingId == _meeting.Id ? ImportedActionOutcome.Closed : ImportedActionOutcome.Updated, Due(existing)));
    }

    private async Task<ActionItem?> ExistingAsync(string? reference, DraftAction found, string text, List<ActionItem> earlier, string label, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(reference))
        {
            if (!ActionReference.TryParse(reference, out var year, out var sequence))
            {
                _problems.Add($"{label}: “{reference}” is not an action reference (they look like 2017/03).");
                return null;
            }
            var action = earlier.Find(a => a.Year == year && a.Sequence == sequence)
                ?? await db.Actions.Include(a => a.Updates).SingleOrDefaultAsync(a => a.Year == year && a.Sequence == sequence, ct);
            if (action is null || action.SeriesId != _series.Id || action.RaisedAtMeetingId == _meeting.Id)
                _problems.Add($"{label}: action {ActionReference.Format(year, sequence)} is not an earlier action of {_series.Name}.");
            else
                await db.Entry(action).Collection(a => a.Owners).LoadAsync(ct);
            return action is null || action.SeriesId != _series.Id || action.RaisedAtMeetingId == _meeting.Id ? null : action;
        }
        var match = ImportMatching.ContinuedAction(draft, found, text, earlier, a => a.Reference, a => a.Text);
        if (match is not null)
            await db.Entry(match).Collection(a => a.Owners).LoadAsync(ct);
        return match;
    }

    private List<Role> Owners(IReadOnlyList<string> tokens, string label)
    {
        var codes = _roles.Keys.ToHashSet();
        var owners = new List<Role>();
        foreach (var token in tokens)
        {
            if (ImportMatching.OwnerCode(token, codes) is { } code)
            {
                if (!owners.Contains(_roles[code]))
                    owners.Add(_roles[code]);
            }
            else
            {
                _problems.Add($"{label}: the owner “{token}” is not a role here. Choose one of {string.Join(", ", codes.Order())} in the review.");
            }
        }
        if (tokens.Count == 0)
            _problems.Add($"{label} has no owner. Choose the owner role in the review.");
        return owners;
    }

    private void SetDue(ActionItem action, DraftAction found, ActionCorrection? correction, string label)
    {
        if (correction?.DueMeetingId is { } dueId)
        {
            var due = _seriesMeetings.Find(m => m.Id == dueId);
            if (due is null || due.Date <= _date || due.Status == MeetingStatus.Cancelled)
            {
                _problems.Add($"{label}: the chosen due meeting is not a later meeting of {_series.Name}.");
                return;
            }
            action.DueKind = DueKind.Meeting;
            action.DueMeeting = due;
            action.DueDate = null;
            action.DuePhrase = ImportMatching.Clip(correction.DuePhrase ?? found.Due.Phrase ?? "", 500) is { Length: > 0 } p ? p : null;
            return;
        }
        var phrase = correction?.DuePhrase ?? found.Due.Phrase;
        try
        {
            DuePoints.Apply(action, phrase is null ? null : ImportMatching.Clip(phrase, 500), _meeting, _seriesMeetings);
        }
        catch (DomainException ex)
        {
            _problems.Add($"{label}: {ex.Message}");
        }
        if (action.DueKind == DueKind.None && found.Status == DraftActionStatus.Deferred)
            action.DueKind = DueKind.NextMeeting;
        if (action.DueKind == DueKind.None)
            _notes.Add($"{label} has no due point; it is in the register and needs one.");
    }

    private bool AddUpdate(ActionItem action, DraftUpdate update)
    {
        var text = ImportMatching.Clip(TextRules.Squash(update.Text), 20_000);
        if (text.Length == 0 || action.Updates.Any(u => u.MeetingId == _meeting.Id && u.Text == text))
            return false;
        action.Updates.Add(new ActionUpdate
        {
            Date = update.Date is { } d && d <= _date ? d : _date,
            RecordedAtUtc = Now,
            Text = text,
            Author = Author,
            MeetingId = _meeting.Id,
        });
        return true;
    }

    private void Close(ActionItem action)
    {
        action.Close(_date, _meeting.Id, _closedAtMeeting, Author, Now);
    }

    private static List<string> Codes(IEnumerable<Role> owners) => owners.Select(o => o.Code).Order().ToList();

    private static string Due(ActionItem action) => action.DueKind switch
    {
        DueKind.Meeting when action.DueMeeting is { } m => $"the meeting of {London.ShortDate(m.Date)}",
        DueKind.Meeting => "a later meeting",
        DueKind.Date when action.DueDate is { } d => $"the first meeting on or after {London.ShortDate(d)}",
        DueKind.NextMeeting => "the next meeting",
        _ => "no due point yet",
    };
}
