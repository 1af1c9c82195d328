using System.Globalization;
using System.Text.RegularExpressions;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Grammar;

namespace HoldingToAccount.Core.Import.ActionLog;

/// <summary>
/// Reads the rows of an <see cref="ActionLogSource"/> against a column mapping (the recognised one, or the
/// secretariat's correction of it). Deterministic, and it never guesses: a cell it cannot read is left empty with a
/// warning naming the row and the cell.
/// </summary>
public static partial class ActionLogParser
{
    private static readonly CultureInfo _uk = CultureInfo.GetCultureInfo("en-GB");

    public static ActionLogDraft Parse(ActionLogSource source, IReadOnlyList<LogField>? fields = null, RagStatuses? rag = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        rag ??= new RagStatuses();
        var mapping = Normalised(fields ?? LogColumns.Map(source.Headers), source.Headers.Count);
        var warnings = source.Notes.ToList();
        if (!mapping.Contains(LogField.Text))
            warnings.Add("No column is mapped to Action: choose the column that holds the actions' wording.");

        var actions = new List<LogAction>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var skipped = new List<int>();
        foreach (var row in source.Rows)
        {
            var action = Row(row, mapping, source.Headers, rag);
            if (action is null)
            {
                skipped.Add(row.Number);
                continue;
            }
            if (action.Reference is { } reference)
            {
                if (seen.TryGetValue(reference, out var first))
                    action = action with { Warnings = [.. action.Warnings, $"duplicate reference {reference} (also on row {first}): this row gets a new reference"] };
                else
                    seen[reference] = row.Number;
            }
            actions.Add(action);
        }
        if (skipped.Count > 0)
            warnings.Add($"{Counted.Of(skipped.Count, "row")} with no action text {(skipped.Count == 1 ? "was" : "were")} left out (row {string.Join(", ", skipped.Take(10))}{(skipped.Count > 10 ? ", …" : "")}).");
        warnings.AddRange(actions.SelectMany(a => a.Warnings.Concat(a.Problems).Select(w => $"Row {a.Row}: {w}")));
        return new ActionLogDraft(source, mapping, actions, warnings);
    }

    private static List<LogField> Normalised(IReadOnlyList<LogField> fields, int count) =>
        Enumerable.Range(0, Math.Max(count, fields.Count)).Select(i => i < fields.Count ? fields[i] : LogField.Ignore).ToList();

    private static LogAction? Row(LogRow row, IReadOnlyList<LogField> mapping, IReadOnlyList<string> headers, RagStatuses rag)
    {
        var warnings = new List<string>();
        var problems = new List<string>();
        LogCell? Cell(LogField field)
        {
            var column = IndexOf(mapping, field);
            return column < 0 ? null : Checked(row, column, headers, problems);
        }

        var textCell = Cell(LogField.Text);
        var text = TextRules.Squash(textCell?.Text ?? "");
        if (text.Length == 0 && textCell?.Formula is null)
            return null;
        if (text.Length > InputLimits.ActionText)
            problems.Add($"the action is {text.Length:N0} characters long; an action can be at most {InputLimits.ActionText:N0}");

        var reference = Text(Cell(LogField.Reference));
        if (reference is not null)
        {
            if (ActionReference.TryParse(reference, out var year, out var sequence))
                reference = ActionReference.Format(year, sequence);
            else
            {
                warnings.Add($"the reference “{reference}” is not in the register's form (such as 2017/03): the action gets a new reference");
                reference = null;
            }
        }

        var owners = Text(Cell(LogField.Owners)) is { } ownerText ? LogValues.Owners(ownerText) : [];
        var raised = Raised(Cell(LogField.RaisedOn), Text(Cell(LogField.RaisedAt)), headers, mapping, warnings);
        var due = DueMeeting(Cell(LogField.DueMeeting), Text(Cell(LogField.DueAsAgreed)))
            ?? Due(Cell(LogField.Due), Text(Cell(LogField.DueAsAgreed)), raised.Date);
        var closedOn = DateOf(Cell(LogField.ClosedOn), LogField.ClosedOn, mapping, headers, warnings);
        var status = Status(Cell(LogField.Status), rag, warnings);
        if (status is null && closedOn is not null)
            status = ActionStatus.Closed;
        var updates = Updates(row, mapping, headers, problems, DateOf(Cell(LogField.UpdatedOn), LogField.UpdatedOn, mapping, headers, warnings),
            datedColumn: mapping.Contains(LogField.UpdatedOn));

        return new LogAction(row.Number, reference, text, owners, raised, due, status, updates, closedOn, warnings, problems);
    }

    private static int IndexOf(IReadOnlyList<LogField> mapping, LogField field)
    {
        for (var i = 0; i < mapping.Count; i++)
        {
            if (mapping[i] == field)
                return i;
        }
        return -1;
    }

    /// <summary>The cell, refusing a formula: the log must hold the values themselves.</summary>
    private static LogCell Checked(LogRow row, int column, IReadOnlyList<string> headers, List<string> problems)
    {
        var cell = row[column];
        if (cell.Formula is { } formula)
            problems.Add($"{Name(column, headers)} (cell {ColumnLetters.Of(column)}{row.Number}) is a formula ({Short(formula)}); paste the log as values only (Paste Special › Values) and import it again");
        return cell;
    }

    private static string Name(int column, IReadOnlyList<string> headers) =>
        column < headers.Count && headers[column].Length > 0 ? $"“{headers[column]}”" : $"column {ColumnLetters.Of(column)}";

    private static string Short(string text) => text.Length <= 40 ? text : text[..39] + "…";

    private static string? Text(LogCell? cell) => cell is null || cell.Text.Length == 0 ? null : TextRules.Squash(cell.Text);

    private static DateOnly? DateOf(LogCell? cell, LogField field, IReadOnlyList<LogField> mapping, IReadOnlyList<string> headers, List<string> warnings)
    {
        if (cell is null || cell.Text.Length == 0 && cell.Number is null)
            return null;
        if (LogValues.Date(cell) is { } date)
            return date;
        warnings.Add($"the {Name(IndexOf(mapping, field), headers)} date “{Short(cell.Text)}” cannot be read; it was left empty");
        return null;
    }

    private static LogRaised Raised(LogCell? dateCell, string? meeting, IReadOnlyList<string> headers, IReadOnlyList<LogField> mapping, List<string> warnings)
    {
        var date = DateOf(dateCell, LogField.RaisedOn, mapping, headers, warnings);
        if (date is null && meeting is not null && TrailingDate().Match(meeting) is { Success: true } match)
            date = LogValues.Date(match.Groups["date"].Value);
        return new LogRaised(date, meeting);
    }

    /// <summary>A column that names the meeting an action is due at ("Monthly Assurance Meeting (7 Dec 2026)", or its date).</summary>
    private static LogDue? DueMeeting(LogCell? cell, string? asAgreed)
    {
        if (cell is null || Text(cell) is not { } written)
            return null;
        if (MeetingWithDate().Match(written) is { Success: true } named && LogValues.Date(named.Groups["date"].Value) is { } meetingDate)
            return new LogDue(asAgreed, null, meetingDate, named.Groups["title"].Value.Trim());
        return LogValues.Date(cell) is { } on ? new LogDue(asAgreed, null, on) : null;
    }

    private static LogDue Due(LogCell? cell, string? asAgreed, DateOnly? raisedOn)
    {
        DateOnly? date = cell is null ? null : LogValues.Date(cell);
        var phrase = asAgreed ?? (date is null ? Text(cell) : null);
        if (phrase is null)
            return new LogDue(null, date, null);
        if (MeetingWithDate().Match(phrase) is { Success: true } named && LogValues.Date(named.Groups["date"].Value) is { } meetingDate)
            return new LogDue(null, null, meetingDate, named.Groups["title"].Value.Trim());
        if (string.Equals(phrase, "Next meeting (not yet planned)", StringComparison.OrdinalIgnoreCase))
            return new LogDue("next meeting", null, null);
        if (string.Equals(phrase, "No due point yet", StringComparison.OrdinalIgnoreCase))
            return new LogDue(null, null, null);
        if (LogValues.Date(phrase) is { } written)
            return new LogDue(null, date ?? written, null);
        if (date is { } on)
        {
            var parsed = DuePhraseParser.Parse(phrase, raisedOn ?? on);
            // A month's first day is the month itself, not a meeting: the month's meeting is found when there is one.
            if (parsed.Kind == DueTargetKind.MeetingInMonth && parsed.Date == on)
                return new LogDue(phrase, null, null);
            if (parsed.Kind is DueTargetKind.MeetingInMonth or DueTargetKind.NextMeeting)
                return new LogDue(phrase, null, on);
            // The log's date is the one in force (a revisit's "in 6 months" counts from the day it was scheduled, not from the
            // meeting it is recorded against); a later date than the wording gives is the meeting it was brought forward to.
            var later = parsed.Kind == DueTargetKind.Date && parsed.Date is { } by && by < on;
            return new LogDue(phrase, on, null, BoundMeeting: later ? on : null);
        }
        return new LogDue(phrase, null, null);
    }

    private static ActionStatus? Status(LogCell? cell, RagStatuses rag, List<string> warnings)
    {
        if (cell is null)
            return null;
        if (cell.Text.Length > 0)
        {
            if (LogValues.Status(cell.Text, rag) is { } status)
                return status;
            if (LogValues.RagOfFill(cell.Fill) is not { } colour)
            {
                warnings.Add($"the status “{Short(cell.Text)}” is not one the register knows; the action is imported as Open");
                return null;
            }
            return rag.For(colour);
        }
        return LogValues.RagOfFill(cell.Fill) is { } fill ? rag.For(fill) : null;
    }

    private static List<LogUpdate> Updates(LogRow row, IReadOnlyList<LogField> mapping, IReadOnlyList<string> headers, List<string> problems, DateOnly? updatedOn, bool datedColumn)
    {
        var updates = new List<LogUpdate>();
        for (var column = 0; column < mapping.Count; column++)
        {
            if (mapping[column] != LogField.Update)
                continue;
            var cell = Checked(row, column, headers, problems);
            if (cell.Text.Length == 0)
                continue;
            if (datedColumn)
            {
                updates.Add(new LogUpdate(updatedOn, Clipped(cell.Text.Trim())));
                continue;
            }
            foreach (var entry in Entries(cell.Text))
            {
                var (date, text) = LogValues.DatedText(entry);
                if (text.Length > 0)
                    updates.Add(new LogUpdate(date ?? updatedOn, Clipped(text)));
            }
        }
        return updates;
    }

    private static string Clipped(string text) => text.Length > InputLimits.UpdateText ? text[..InputLimits.UpdateText] : text;

    /// <summary>An update cell holding several dated entries, one per line ("12/03/24 – …"), splits into them; otherwise it is one.</summary>
    private static IEnumerable<string> Entries(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Count(l => LogValues.DatedText(l).Date is not null) < 2)
            return [text.Trim()];
        var entries = new List<string>();
        foreach (var line in lines)
        {
            if (entries.Count == 0 || LogValues.DatedText(line).Date is not null)
                entries.Add(line.Trim());
            else
                entries[^1] = (entries[^1] + "\n" + line.Trim()).Trim();
        }
        return entries.Where(e => e.Length > 0);
    }

    [GeneratedRegex(@"^(?<title>.+?)\s*\((?<date>\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4})\)$", TextPatterns.Options, TextPatterns.TimeoutMs)]
    private static partial Regex MeetingWithDate();

    [GeneratedRegex(@"(?<date>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\s+\d{4})\)?\s*$", TextPatterns.Options, TextPatterns.TimeoutMs)]
    private static partial Regex TrailingDate();

    internal static string Uk(DateOnly date) => date.ToString("d MMM yyyy", _uk);
}
