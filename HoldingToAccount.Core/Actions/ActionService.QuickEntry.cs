using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Actions;

/// <summary>What a quick-entry line will become if saved: shown to the person first, so they can correct it.</summary>
/// <param name="DueKind">How the due point will be held (None when the wording gave none).</param>
/// <param name="DueMeeting">The meeting it will come to, when one is planned; otherwise it binds when one is.</param>
/// <param name="Problem">Why the wording cannot be used as it stands, or null.</param>
/// <param name="Kind">A revisit when the line says "revisit"; it then shows on the Revisits page.</param>
public sealed record QuickEntryPreview(
    string Text,
    IReadOnlyList<string> Owners,
    string? DuePhrase,
    DueKind DueKind,
    DateOnly? DueDate,
    MeetingRef? DueMeeting,
    string? Problem,
    ActionKind Kind = ActionKind.Action)
{
    public bool NeedsOwner => Owners.Count == 0;
    public bool NeedsDuePoint => DueKind == DueKind.None;

    /// <summary>The action to raise from this reading, as the person corrected it. The phrase is kept as written; a
    /// meeting chosen in place of the one it resolved to (or a meeting it named) decides where it is due.</summary>
    public NewAction ToNewAction(int meetingId, IReadOnlyList<string> owners, int? chosenDueMeetingId, int? agendaItemId)
    {
        var chosenDiffers = chosenDueMeetingId != DueMeeting?.Id;
        return new NewAction(meetingId, Text, owners, DuePhrase: DuePhrase,
            DueMeetingId: chosenDiffers || DueKind == DueKind.Meeting ? chosenDueMeetingId : null, AgendaItemId: agendaItemId, Kind: Kind);
    }
}

public sealed partial class ActionService
{
    /// <summary>Reads a quick-entry line against the meeting it is raised at, and says where it would be due. Writes nothing.</summary>
    public async Task<QuickEntryPreview> PreviewAsync(int meetingId, string line, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new NotFoundException($"There is no meeting {meetingId}.");
        var roles = await db.Roles.OrderBy(r => r.Code).Select(r => new RoleOption(r.Code, r.Title)).ToListAsync(ct);
        var reading = QuickEntry.Read(line, meeting.Date, roles);
        var phrase = reading.Due.Kind == DueTargetKind.Unrecognised ? null : reading.Due.Phrase;
        var probe = new ActionItem { Text = reading.Text };
        string? problem = null;
        var candidates = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == meeting.SeriesId && m.Date > meeting.Date).ToListAsync(ct);
        try
        {
            DuePoints.Apply(probe, phrase, meeting, candidates);
        }
        catch (DomainException ex)
        {
            problem = ex.Message;
        }

        MeetingRef? bound = null;
        if (probe.DueMeeting is { } due)
        {
            bound = new MeetingRef(due.Id, due.Title, due.Date);
        }
        else if (probe.DueKind is DueKind.Date or DueKind.NextMeeting)
        {
            var from = probe.DueKind == DueKind.Date ? probe.DueDate!.Value : meeting.Date.AddDays(1);
            bound = candidates.Where(m => m.Status != MeetingStatus.Cancelled && m.Date >= from)
                .OrderBy(m => m.Date).Select(m => new MeetingRef(m.Id, m.Title, m.Date)).FirstOrDefault();
        }
        return new QuickEntryPreview(reading.Text, reading.Owners, probe.DuePhrase, probe.DueKind, probe.DueDate, bound, problem, reading.Kind);
    }
}
