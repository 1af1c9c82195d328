using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// Commits a reviewed <see cref="ImportDraft"/> as a held meeting of a series — attendance, agenda, the actions raised
/// at it, and the updates and closures of actions brought forward to it — in one transaction. The same notes imported
/// twice are recognised by <see cref="Meeting.ImportedFromHash"/> (or the series' meeting on that date) and committed
/// only as an update. Secretariat only.
/// </summary>
public sealed class ImportService(IDbContextFactory<AppDbContext> factory, TimeProvider clock)
{
    private const string _doing = "import notes";

    /// <summary>Reads an uploaded notes file into a draft; refuses what cannot be read with a <see cref="DomainException"/>.</summary>
    public static ImportDraft Read(string fileName, byte[] content) => NotesParser.Parse(NotesReader.Read(fileName, content));

    public static async Task<ImportDraft> ReadFileAsync(string path, CancellationToken ct = default) =>
        NotesParser.Parse(await NotesReader.ReadFileAsync(path, ct));

    /// <summary>The hash that recognises the same notes again (SHA-256 hex of the normalised text).</summary>
    public static string SourceHash(ImportDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return ImportMatching.SourceHash(draft.SourceText);
    }

    public async Task<ImportOptions> OptionsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ActionPermissions.Demand(actor, Permission.Administer, _doing);
        await using var db = await factory.CreateDbContextAsync(ct);
        var series = await db.Series.OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var meetings = (await db.Meetings.Where(m => m.Status != MeetingStatus.Cancelled)
                .Select(m => new { m.SeriesId, Ref = new MeetingRef(m.Id, m.Title, m.Date) }).ToListAsync(ct))
            .ToLookup(m => m.SeriesId, m => m.Ref);
        var people = await db.People.Where(p => p.Active).OrderBy(p => p.Name).Select(p => new ImportPersonOption(p.Id, p.Name)).ToListAsync(ct);
        var roles = await db.Roles.OrderBy(r => r.Code).Select(r => new RoleOption(r.Code, r.Title)).ToListAsync(ct);
        return new ImportOptions(
            series.Select(s => new ImportSeriesOption(s.Id, s.Name, meetings[s.Id].OrderBy(m => m.Date).ToList())).ToList(),
            people, roles);
    }

    /// <summary>
    /// The register actions the draft's brought-forward actions can continue at the meeting the corrections place it at
    /// (<see cref="ImportCorrections.SeriesId"/>, null for the first series, and <see cref="ImportCorrections.Date"/> or the
    /// notes' date), with the one each continues when nobody chooses — read against the corrected action texts. Asked
    /// again whenever the reviewer moves the meeting to another series or date.
    /// </summary>
    public async Task<RegisterLinks> RegisterLinksAsync(ImportDraft draft, ImportCorrections corrections, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentNullException.ThrowIfNull(actor);
        ActionPermissions.Demand(actor, Permission.Administer, _doing);
        await using var db = await factory.CreateDbContextAsync(ct);
        var date = corrections.Date ?? draft.Date?.Value;
        var seriesId = corrections.SeriesId ?? await db.Series.OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        var texts = draft.Actions.Select((found, i) => TextRules.Squash(corrections.Actions.GetValueOrDefault(i)?.Text ?? found.Text)).ToList();
        if (seriesId is not { } id)
            return new RegisterLinks(null, date, [], draft.Actions.Select(_ => (string?)null).ToList()) { Texts = texts };
        var offered = (await ImportMatching.Continuable(db.Actions, id, date)
                .Select(a => new { a.Year, a.Sequence, a.Text, a.SeriesId, RaisedOn = a.RaisedAtMeeting.Date }).ToListAsync(ct))
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.Sequence)
            .Select(a => new RegisterActionOption(ActionReference.Format(a.Year, a.Sequence), a.Text, a.SeriesId, a.RaisedOn)).ToList();
        var matches = draft.Actions.Select((found, i) => ImportMatching.ContinuedAction(draft, found, texts[i], offered, a => a.Reference, a => a.Text)?.Reference).ToList();
        var previous = await ImportWriter.PreviousAsync(db, id, date, ImportMatching.SourceHash(draft.SourceText), ct);
        return new RegisterLinks(id, date, offered, matches) { Texts = texts, Previous = previous };
    }

    /// <summary>Refuses a reader who may not import and corrections longer than the register keeps; returns the source's hash.</summary>
    private static string Admitted(ImportDraft draft, ImportCorrections corrections, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentNullException.ThrowIfNull(actor);
        ActionPermissions.Demand(actor, Permission.Administer, _doing);
        InputValidation.Checked(corrections);
        foreach (var action in corrections.Actions.Values)
            InputValidation.Checked(action);
        return ImportMatching.SourceHash(draft.SourceText);
    }

    /// <summary>
    /// Reads the draft against the register without keeping anything: who the people are, which owners are roles,
    /// whether it was imported before, and what committing would create — rehearsed in a transaction that is rolled back.
    /// When it was imported before, the rehearsal shows what an update would do.
    /// </summary>
    public async Task<ImportReview> ReviewAsync(ImportDraft draft, ImportCorrections corrections, Actor actor, CancellationToken ct = default)
    {
        var hash = Admitted(draft, corrections, actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;

        var people = await ImportMatching.PeopleAsync(db, ct);
        List<int?> Matches(IReadOnlyList<DraftPerson> list, IReadOnlyDictionary<int, int?> chosen) =>
            list.Select((p, i) => chosen.TryGetValue(i, out var id) ? id : ImportMatching.MatchPerson(p.Name, people)).ToList();
        var codes = (await db.Roles.Select(r => r.Code).ToListAsync(ct)).Select(People.RoleCodes.Normalise).ToHashSet();
        var rows = draft.Actions.Select((a, i) =>
        {
            var tokens = corrections.Actions.GetValueOrDefault(i)?.Owners ?? a.Owners;
            return new ActionReviewRow(
                tokens.Select(t => ImportMatching.OwnerCode(t, codes)).OfType<string>().Distinct().ToList(),
                tokens.Where(t => ImportMatching.OwnerCode(t, codes) is null).ToList(),
                null);
        }).ToList();

        PreviousImport? previous = null;
        ImportResult? outcome = null;
        IReadOnlyList<string> problems = [];
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var (series, date, found) = await ImportWriter.LocateAsync(db, draft, corrections, hash, ct);
            previous = found;
            var rehearsal = corrections with { Update = corrections.Update || previous is not null };
            outcome = await new ImportWriter(db, draft, rehearsal, actor, clock).WriteAsync(series, date, previous, hash, ct);
            await tx.RollbackAsync(ct);
        }
        catch (ImportRefusedException ex)
        {
            problems = ex.Problems;
        }
        catch (DomainException ex)
        {
            problems = [ex.Message];
        }

        if (outcome is not null)
        {
            var linked = outcome.Actions.Where(a => a.Outcome is ImportedActionOutcome.Updated or ImportedActionOutcome.Closed).ToList();
            rows = rows.Select((row, i) => corrections.Actions.GetValueOrDefault(i) is { } chosen && (chosen.NotInRegister || chosen.ExistingReference is not null)
                ? row with { ExistingReference = chosen.NotInRegister ? null : linked.Find(l => l.Reference == chosen.ExistingReference?.Trim())?.Reference }
                : draft.Actions[i].BroughtForward
                ? row with { ExistingReference = linked.Find(l => TextRules.Comparable(l.Text) == TextRules.Comparable(corrections.Actions.GetValueOrDefault(i)?.Text ?? draft.Actions[i].Text))?.Reference }
                : row).ToList();
        }
        return new ImportReview(hash, previous, Matches(draft.Attendees, corrections.Attendees), Matches(draft.Apologies, corrections.Apologies),
            rows, outcome, problems);
    }

    /// <summary>
    /// Commits the draft in one transaction. Throws <see cref="DuplicateImportException"/> when it was imported before
    /// and <see cref="ImportCorrections.Update"/> is not set, and <see cref="ImportRefusedException"/> listing every
    /// problem (unknown owner, missing due point that cannot be read…) — in both cases nothing is written.
    /// </summary>
    public async Task<ImportResult> CommitAsync(ImportDraft draft, ImportCorrections corrections, Actor actor, CancellationToken ct = default)
    {
        var hash = Admitted(draft, corrections, actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (series, date, previous) = await ImportWriter.LocateAsync(db, draft, corrections, hash, ct);
        var result = await new ImportWriter(db, draft, corrections, actor, clock).WriteAsync(series, date, previous, hash, ct);
        await tx.CommitAsync(ct);
        return result;
    }
}
