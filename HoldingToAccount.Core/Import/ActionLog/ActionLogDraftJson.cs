using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoldingToAccount.Core.Import.ActionLog;

/// <summary>
/// The draft as <c>import FILE --dry-run --json</c> prints it: <c>{ kind: "action-log", columns: {header: field},
/// actions: [{reference, text, owners, raised: {date, meeting}, due: {phrase, date, meeting}, status, updates: [{date,
/// text}], closedOn}], warnings }</c>, dates as YYYY-MM-DD and null where the log says nothing or could not be read.
/// </summary>
public static class ActionLogDraftJson
{
    private static readonly JsonSerializerOptions _options = new() { WriteIndented = true };

    public static string Serialize(ActionLogDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var columns = new JsonObject();
        for (var i = 0; i < draft.Source.Headers.Count; i++)
        {
            var header = draft.Source.Headers[i].Length > 0 ? draft.Source.Headers[i] : $"Column {ColumnLetters.Of(i)}";
            var key = columns.ContainsKey(header) ? $"{header} ({ColumnLetters.Of(i)})" : header;
            columns[key] = FieldName(draft.Fields[i]);
        }
        var root = new JsonObject
        {
            ["kind"] = "action-log",
            ["file"] = draft.Source.FileName,
            ["sheet"] = draft.Source.SheetName,
            ["headerRow"] = draft.Source.HeaderRow,
            ["columns"] = columns,
            ["actions"] = new JsonArray(draft.Actions.Select(Action).ToArray<JsonNode?>()),
            ["warnings"] = new JsonArray(draft.Warnings.Select(w => (JsonNode?)w).ToArray()),
        };
        return root.ToJsonString(_options);
    }

    public static string FieldName(LogField field)
    {
        var name = field.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static JsonObject Action(LogAction action) => new()
    {
        ["row"] = action.Row,
        ["reference"] = action.Reference,
        ["text"] = action.Text,
        ["owners"] = new JsonArray(action.Owners.Select(o => (JsonNode?)o).ToArray()),
        ["raised"] = new JsonObject { ["date"] = Iso(action.Raised.Date), ["meeting"] = action.Raised.Meeting },
        ["due"] = new JsonObject { ["phrase"] = action.Due.Phrase, ["date"] = Iso(action.Due.Date), ["meeting"] = Iso(action.Due.Meeting) },
        ["status"] = action.Status?.ToString(),
        ["updates"] = new JsonArray(action.Updates.Select(u => (JsonNode?)new JsonObject { ["date"] = Iso(u.Date), ["text"] = u.Text }).ToArray()),
        ["closedOn"] = Iso(action.ClosedOn),
    };

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
