using System.ComponentModel.DataAnnotations;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Grammar;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// What a person changed or chose while reviewing a draft. Anything left null keeps what the notes say. People and
/// actions are keyed by their index in <see cref="ImportDraft.Attendees"/>, <see cref="ImportDraft.Apologies"/> and
/// <see cref="ImportDraft.Actions"/>.
/// </summary>
public sealed record ImportCorrections
{
    public static ImportCorrections None { get; } = new();

    /// <summary>The series the meeting belongs to; null means the first series.</summary>
    public int? SeriesId { get; init; }

    public DateOnly? Date { get; init; }
    public TimeOnly? StartTime { get; init; }
    [MaxLength(InputLimits.MeetingTitle, ErrorMessage = "A meeting title can be at most {1} characters.")]
    public string? Title { get; init; }

    [MaxLength(InputLimits.Venue, ErrorMessage = "A venue can be at most {1} characters.")]
    public string? Venue { get; init; }

    [MaxLength(InputLimits.PersonName, ErrorMessage = "The chair can be at most {1} characters.")]
    public string? Chair { get; init; }

    [MaxLength(InputLimits.PersonName, ErrorMessage = "The minute-taker can be at most {1} characters.")]
    public string? MinuteTaker { get; init; }

    /// <summary>Attendee index → person id; a null value means "nobody on the list" (kept by name and capacity).</summary>
    public IReadOnlyDictionary<int, int?> Attendees { get; init; } = new Dictionary<int, int?>();

    /// <summary>Apology index → person id, as for <see cref="Attendees"/>.</summary>
    public IReadOnlyDictionary<int, int?> Apologies { get; init; } = new Dictionary<int, int?>();

    public IReadOnlyDictionary<int, ActionCorrection> Actions { get; init; } = new Dictionary<int, ActionCorrection>();

    /// <summary>The notes were imported before (same text, or a meeting of the series on the same date): replace that meeting's import.</summary>
    public bool Update { get; init; }
}

/// <summary>
/// A reviewed action. <see cref="Owners"/> are role codes. The due point is <see cref="DueMeetingId"/> when set, else
/// <see cref="DuePhrase"/> read against the meeting ("to the March meeting", "by 30 June 2017"). <see cref="ExistingReference"/>
/// links a brought-forward action to the register's action ("2017/03"); <see cref="NotInRegister"/> says it continues none
/// (no automatic match: it is raised at the imported meeting); <see cref="Skip"/> leaves the action out.
/// </summary>
public sealed record ActionCorrection(
    [property: MaxLength(InputLimits.ActionText, ErrorMessage = "An action can be at most {1} characters.")] string? Text = null,
    IReadOnlyList<string>? Owners = null,
    int? DueMeetingId = null,
    [property: MaxLength(InputLimits.DuePhrase, ErrorMessage = "A due phrase can be at most {1} characters.")] string? DuePhrase = null,
    string? ExistingReference = null,
    bool Skip = false,
    bool NotInRegister = false);

/// <summary>What the review page chooses from: the series with their meetings, the people and the roles.</summary>
public sealed record ImportOptions(IReadOnlyList<ImportSeriesOption> Series, IReadOnlyList<ImportPersonOption> People, IReadOnlyList<RoleOption> Roles);

/// <summary>
/// What the brought-forward actions of a draft can continue at a meeting of <see cref="SeriesId"/> on <see cref="Date"/>:
/// the register actions <see cref="Offered"/> (newest first) and, by draft action index, the one each continues when nobody
/// chooses (<see cref="Matches"/>; null when none does or the action was not brought forward).
/// </summary>
public sealed record RegisterLinks(int? SeriesId, DateOnly? Date, IReadOnlyList<RegisterActionOption> Offered, IReadOnlyList<string?> Matches)
{
    /// <summary>Each action's wording as it was matched (the reviewer's correction, else the notes').</summary>
    public IReadOnlyList<string> Texts { get; init; } = [];

    /// <summary>Action <paramref name="actionIndex"/> now reads <paramref name="text"/>, not what its match was found for.</summary>
    public bool Reworded(int actionIndex, string text) => Texts.ElementAtOrDefault(actionIndex) is { } matched
        && TextRules.Comparable(TextRules.Squash(text)) != TextRules.Comparable(matched);

    /// <summary>The meeting an import at this series and date would update (these notes imported before, or the
    /// series' meeting on the date); null when it would add a meeting.</summary>
    public PreviousImport? Previous { get; init; }

    public bool Offers(string reference) => Offered.Any(a => a.Reference == reference);

    public string? MatchFor(int actionIndex) => Matches.ElementAtOrDefault(actionIndex);
}

/// <summary>An unfinished register action, as a brought-forward action in the notes can be linked to it ("2017/04 — DCC to review …").</summary>
public sealed record RegisterActionOption(string Reference, string Text, int SeriesId, DateOnly RaisedOn)
{
    public string Label => $"{Reference} — {ImportMatching.Short(Text)}";
}

public sealed record ImportSeriesOption(int Id, string Name, IReadOnlyList<MeetingRef> Meetings);

public sealed record ImportPersonOption(int Id, string Name);

/// <summary>A meeting that the same notes (or a meeting of the series on the same date) already produced.</summary>
public sealed record PreviousImport(int MeetingId, string Title, DateOnly Date, bool SameNotes);

/// <summary>
/// The service's reading of a draft with its corrections, written nowhere: suggested people and owners, the meeting
/// imported before (if any), what committing would do (<see cref="Outcome"/>) or why it would be refused (<see cref="Problems"/>).
/// </summary>
public sealed record ImportReview(
    string SourceHash,
    PreviousImport? Previous,
    IReadOnlyList<int?> AttendeeMatches,
    IReadOnlyList<int?> ApologyMatches,
    IReadOnlyList<ActionReviewRow> Actions,
    ImportResult? Outcome,
    IReadOnlyList<string> Problems);

/// <summary>One draft action as the register reads it: owners it knows, owners it does not, and the action it continues.</summary>
public sealed record ActionReviewRow(IReadOnlyList<string> Owners, IReadOnlyList<string> UnknownOwners, string? ExistingReference);

public enum ImportedActionOutcome
{
    /// <summary>Raised at the imported meeting.</summary>
    Raised,

    /// <summary>Raised and closed at the imported meeting.</summary>
    RaisedAndClosed,

    /// <summary>An action of an earlier meeting given the update(s) from the notes.</summary>
    Updated,

    /// <summary>An action of an earlier meeting closed at the imported meeting.</summary>
    Closed,

    /// <summary>On update: raised by the earlier import and already updated since, so left as it is.</summary>
    Kept,

    /// <summary>On update: raised by the earlier import, not in the notes any more, and never updated: removed.</summary>
    Removed,
}

public sealed record ImportedAction(string Reference, string Text, IReadOnlyList<string> Owners, ImportedActionOutcome Outcome, string Due);

/// <summary>What an import created (or, from a review, would create).</summary>
public sealed record ImportResult(
    int MeetingId,
    string MeetingTitle,
    DateOnly Date,
    TimeOnly StartTime,
    int SeriesId,
    string SeriesName,
    bool Updated,
    int Attendees,
    int Apologies,
    int AgendaItems,
    IReadOnlyList<ImportedAction> Actions,
    IReadOnlyList<string> Notes)
{
    public string Summary =>
        $"{(Updated ? "Updated" : "Imported")} {MeetingTitle} ({London.LongDateTime(Date, StartTime)}) into {SeriesName}: "
        + $"{Attendees} attending, {Counted.Of(Apologies, "apology", "apologies")}, {Counted.Of(AgendaItems, "agenda item")}, "
        + $"{Counted.Of(Actions.Count(a => a.Outcome is ImportedActionOutcome.Raised or ImportedActionOutcome.RaisedAndClosed), "action")} raised, "
        + $"{Counted.Of(Actions.Count(a => a.Outcome is ImportedActionOutcome.Updated or ImportedActionOutcome.Closed), "brought-forward action")} updated.";
}

/// <summary>The notes were imported before; nothing was written. Import again as an update to replace that meeting's import.</summary>
public sealed class DuplicateImportException(PreviousImport previous)
    : DomainException(previous.SameNotes
        ? $"These notes were imported before, as {previous.Title} ({London.ShortDate(previous.Date)}). Nothing was written; import them as an update to replace that import."
        : $"The series already has a meeting on {London.ShortDate(previous.Date)} ({previous.Title}). Nothing was written; import the notes as an update to fill in that meeting.")
{
    public PreviousImport Previous { get; } = previous;
}

/// <summary>The draft cannot be committed as it stands; nothing was written. <see cref="Problems"/> lists every reason.</summary>
public sealed class ImportRefusedException(IReadOnlyList<string> problems)
    : DomainException("Nothing was imported: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
