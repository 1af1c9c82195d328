using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Core.Import.ActionLog;

/// <summary>An action log read against a column mapping: every row as an action, with what could not be read.</summary>
public sealed record ActionLogDraft(
    ActionLogSource Source,
    IReadOnlyList<LogField> Fields,
    IReadOnlyList<LogAction> Actions,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Rows that cannot be committed as they stand (a formula, no text, text too long): their problems.</summary>
    public IReadOnlyList<string> Problems => Actions.SelectMany(a => a.Problems.Select(p => $"Row {a.Row}: {p}")).ToList();
}

/// <summary>One row of the log as an action. Fields that could not be read are null, and say so in <see cref="Warnings"/>.</summary>
public sealed record LogAction(
    int Row,
    string? Reference,
    string Text,
    IReadOnlyList<string> Owners,
    LogRaised Raised,
    LogDue Due,
    ActionStatus? Status,
    IReadOnlyList<LogUpdate> Updates,
    DateOnly? ClosedOn,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Problems);

public sealed record LogRaised(DateOnly? Date, string? Meeting);

/// <summary>
/// When the action is due: <see cref="Meeting"/> is the date of the meeting it is due at, when the log says it is due at
/// a meeting (its wording names one, or it is the product's own "<i>title</i> (<i>date</i>)"); <see cref="Date"/> a date
/// it is due by; <see cref="Phrase"/> the wording as agreed. <see cref="BoundMeeting"/> is a meeting's date the log shows
/// for a due-by date that falls before it (the product's export shows the meeting such an action is brought forward to).
/// </summary>
public sealed record LogDue(string? Phrase, DateOnly? Date, DateOnly? Meeting, string? MeetingTitle = null, DateOnly? BoundMeeting = null);

public sealed record LogUpdate(DateOnly? Date, string Text);
