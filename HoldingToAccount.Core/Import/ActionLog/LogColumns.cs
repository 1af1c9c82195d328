using System.Text.RegularExpressions;
using HoldingToAccount.Core.Grammar;

namespace HoldingToAccount.Core.Import.ActionLog;

/// <summary>What a column of an action log holds.</summary>
public enum LogField
{
    Ignore,
    Reference,
    Text,
    Owners,
    RaisedOn,
    RaisedAt,
    Due,
    DueAsAgreed,
    DueMeeting,
    Status,
    Update,
    UpdatedOn,
    ClosedOn,
}

/// <summary>
/// Recognises an action log by its header row: the names offices give their columns (Ref/No., Action,
/// Owner/Lead/Responsible, Date raised/Meeting, Due/Deadline/Target date, Status/RAG, Update/Progress/Comments, Date
/// closed) and the product's own export's. A header row is one with an Action column and at least one other known column.
/// </summary>
public static partial class LogColumns
{
    public static readonly IReadOnlyDictionary<LogField, string> Labels = new Dictionary<LogField, string>
    {
        [LogField.Ignore] = "(not imported)",
        [LogField.Reference] = "Reference",
        [LogField.Text] = "Action",
        [LogField.Owners] = "Owners",
        [LogField.RaisedOn] = "Date raised",
        [LogField.RaisedAt] = "Meeting raised at",
        [LogField.Due] = "Due (date or wording)",
        [LogField.DueAsAgreed] = "Due as agreed (wording)",
        [LogField.DueMeeting] = "Due meeting",
        [LogField.Status] = "Status / RAG",
        [LogField.Update] = "Update",
        [LogField.UpdatedOn] = "Update date",
        [LogField.ClosedOn] = "Date closed",
    };

    /// <summary>The field a header names, or <see cref="LogField.Ignore"/>.</summary>
    public static LogField Recognise(string header)
    {
        var key = Key(header);
        if (key.Length == 0)
            return LogField.Ignore;
        foreach (var (pattern, field) in _patterns)
        {
            if (pattern.IsMatch(key))
                return field;
        }
        return LogField.Ignore;
    }

    /// <summary>The mapping for a header row: each recognised field taken once, by its first column.</summary>
    public static IReadOnlyList<LogField> Map(IReadOnlyList<string> headers)
    {
        var taken = new HashSet<LogField>();
        var fields = new List<LogField>();
        foreach (var header in headers)
        {
            var field = Recognise(header);
            fields.Add(field != LogField.Ignore && field != LogField.Update && !taken.Add(field) ? LogField.Ignore : field);
        }
        return fields;
    }

    public static bool IsHeaderRow(IReadOnlyList<string> headers)
    {
        var fields = Map(headers);
        return fields.Contains(LogField.Text) && fields.Count(f => f != LogField.Ignore) >= 2;
    }

    private static string Key(string header) =>
        Spaces().Replace(header.ToLowerInvariant().Replace('_', ' ').Replace('\n', ' ').Trim().TrimEnd(':', '.', '?'), " ");

    private static readonly (Regex Pattern, LogField Field)[] _patterns =
    [
        (Rx(@"^(action\s*)?(ref(erence)?|no|number|#|id|item\s*no|action\s*no|action\s*number)$"), LogField.Reference),
        (Rx(@"^(action(s)?(\s*(description|agreed|required|point))?|description|what|task)$"), LogField.Text),
        (Rx(@"^(owner(s)?|owner\(s\)|lead(s)?|lead\(s\)|responsible(\s*(officer|person|lead))?|action\s*(owner|lead)(s)?|who|by\s*whom|assigned\s*to|officer)$"), LogField.Owners),
        (Rx(@"^((date\s*)?raised(\s*on)?|date(\s*(raised|agreed|opened|of\s*meeting|added))?|meeting\s*date|opened)$"), LogField.RaisedOn),
        (Rx(@"^(meeting|raised\s*at|source(\s*meeting)?|meeting\s*raised(\s*at)?)$"), LogField.RaisedAt),
        (Rx(@"^(due\s*(at\s*)?meeting|meeting\s*due)$"), LogField.DueMeeting),
        (Rx(@"^(due(\s*(date|by))?|deadline|target(\s*date)?|by\s*when|when|completion\s*date|timescale|brought\s*forward\s*to)$"), LogField.Due),
        (Rx(@"^(due\s*as\s*agreed|due\s*wording|as\s*agreed)$"), LogField.DueAsAgreed),
        (Rx(@"^(status|rag(\s*status)?|progress\s*status|b?rag\s*rating|current\s*status)$"), LogField.Status),
        (Rx(@"^((latest\s*)?update(s)?|progress|comment(s)?|notes|update\s*\/\s*progress|progress\s*update|commentary|response|latest\s*position)$"), LogField.Update),
        (Rx(@"^((latest\s*)?update(d)?\s*(on|date)|date\s*(of\s*)?(latest\s*)?update|last\s*updated)$"), LogField.UpdatedOn),
        (Rx(@"^((date\s*)?closed(\s*on)?|completed(\s*on)?|date\s*(closed|completed)|closure\s*date)$"), LogField.ClosedOn),
    ];

    private static Regex Rx(string pattern) => new(pattern, TextPatterns.Options, TimeSpan.FromMilliseconds(TextPatterns.TimeoutMs));

    [GeneratedRegex(@"\s+", TextPatterns.Options, TextPatterns.TimeoutMs)]
    private static partial Regex Spaces();
}
