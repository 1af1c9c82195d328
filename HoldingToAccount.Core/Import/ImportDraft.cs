using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Core.Import;

/// <summary>Where a value came from: a range of <see cref="ImportDraft.SourceText"/>.</summary>
public readonly record struct SourceSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static SourceSpan Between(int start, int end) => new(start, Math.Max(0, end - start));
}

/// <summary>A value read from the notes, with the span of the normalised text it was read from.</summary>
public sealed record Spanned<T>(T Value, SourceSpan Span);

/// <summary>
/// Someone listed as attending or sending apologies. <see cref="Role"/> is a role code when one is given or implied.
/// <see cref="Span"/> covers the name; <see cref="CapacitySpan"/> the capacity, which may sit elsewhere (scrambled columns).
/// </summary>
public sealed record DraftPerson(string Name, string? Capacity, string? Role, string? Initials, SourceSpan Span, SourceSpan? CapacitySpan);

/// <summary>
/// An agenda item heading ("4a.1 Building a more secure West Mercia – Domestic Burglary"). <see cref="Purpose"/> is what
/// the section it stands in is for, as its heading says ("1 Outstanding matters" holds the actions brought forward).
/// </summary>
public sealed record DraftItem(string Number, string Title, bool Deferred, SourceSpan Span, SectionPurpose Purpose = SectionPurpose.Business);

public enum DraftActionStatus
{
    Open,
    Closed,
    Deferred,
}

/// <summary>
/// The due point read for an action. <see cref="Meeting"/> is the first day of the month of the meeting it is due at
/// (the JSON writes it as YYYY-MM); <see cref="Date"/> is a calendar date. Both are null when the phrase gives no date.
/// </summary>
public sealed record DraftDue(DueTargetKind Kind, string? Phrase, DateOnly? Date, DateOnly? Meeting, SourceSpan? Span)
{
    public static DraftDue None { get; } = new(DueTargetKind.Unrecognised, null, null, null, null);
}

/// <summary>A dated update line under a brought-forward action ("14/03/2017 – paper circulated. C/Fwd").</summary>
public sealed record DraftUpdate(DateOnly? Date, string Text, SourceSpan Span);

public sealed record DraftAction(
    string Text,
    IReadOnlyList<string> Owners,
    string? ItemNumber,
    bool BroughtForward,
    DraftActionStatus Status,
    DraftDue Due,
    SourceSpan Span,
    SourceSpan? OwnerSpan,
    IReadOnlyList<DraftUpdate> Updates)
{
    /// <summary>A deferred agenda item with no owner is not an action: the import marks the item deferred and writes no
    /// action for it. <paramref name="owners"/>: the owners as read or as corrected.</summary>
    public bool IsDeferralOnly(IReadOnlyCollection<string> owners) => Status == DraftActionStatus.Deferred && owners.Count == 0;
}

public sealed record DraftNextMeeting(DateOnly? Date, TimeOnly? StartTime, string? Title, SourceSpan Span);

/// <summary>What the parser read from one set of notes: nothing is saved until a person has reviewed it.</summary>
public sealed record ImportDraft(
    string SourceText,
    Spanned<string>? Title,
    Spanned<DateOnly>? Date,
    Spanned<TimeOnly>? StartTime,
    Spanned<string>? Venue,
    Spanned<string>? Chair,
    Spanned<string>? MinuteTaker,
    IReadOnlyList<DraftPerson> Attendees,
    IReadOnlyList<DraftPerson> Apologies,
    IReadOnlyList<DraftItem> Items,
    IReadOnlyList<DraftAction> Actions,
    DraftNextMeeting? NextMeeting,
    IReadOnlyList<string> Warnings);
