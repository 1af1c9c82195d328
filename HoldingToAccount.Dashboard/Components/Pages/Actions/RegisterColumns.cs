namespace HoldingToAccount.Dashboard.Components.Pages.Actions;

/// <summary>The register's columns that a person can hide; Ref, Action, Owners, Due and Status always show.</summary>
public enum OptionalColumn { Raised, Item, TimesCarried, LatestUpdate }

/// <summary>
/// Which optional columns the register shows, and how wide each column is. The Action column takes what the others leave,
/// and they never leave it less than <see cref="MinActionShare"/> per cent of the table, however many are shown.
/// The choice is kept in the browser (see ActionRegister), as <see cref="Serialise"/> writes it.
/// </summary>
public sealed class RegisterColumns
{
    public const int MinActionShare = 36;

    /// <summary>Raised and Item are rarely needed to find an action, so they start hidden.</summary>
    private static readonly OptionalColumn[] _hiddenAtFirst = [OptionalColumn.Raised, OptionalColumn.Item];

    private static readonly Dictionary<string, double> _weights = new()
    {
        ["Ref"] = 8,
        [nameof(OptionalColumn.Raised)] = 9,
        [nameof(OptionalColumn.Item)] = 14,
        ["Owners"] = 7,
        ["Due"] = 14,
        ["Status"] = 12,
        [nameof(OptionalColumn.TimesCarried)] = 8,
        [nameof(OptionalColumn.LatestUpdate)] = 20,
    };

    private readonly HashSet<OptionalColumn> _hidden = [.. _hiddenAtFirst];

    public bool Shows(OptionalColumn column) => !_hidden.Contains(column);

    public void Show(OptionalColumn column, bool shown)
    {
        if (shown)
            _hidden.Remove(column);
        else
            _hidden.Add(column);
    }

    public static string Label(OptionalColumn column) => column switch
    {
        OptionalColumn.Raised => "Raised",
        OptionalColumn.Item => "Item",
        OptionalColumn.TimesCarried => "Times carried",
        _ => "Latest update",
    };

    /// <summary>The header's width style for a column ("Ref", "Owners", "Due", "Status", "Action" or an optional column's name).</summary>
    public string Width(string column)
    {
        var others = _weights.Where(w => Enum.TryParse<OptionalColumn>(w.Key, out var c) ? Shows(c) : true).ToList();
        var total = others.Sum(w => w.Value);
        var scale = total > 100 - MinActionShare ? (100 - MinActionShare) / total : 1;
        var share = column == "Action" ? 100 - (total * scale) : _weights[column] * scale;
        return FormattableString.Invariant($"width: {share:0.##}%");
    }

    /// <summary>The hidden columns as the browser keeps them: names separated by commas.</summary>
    public string Serialise() => string.Join(',', _hidden.Order());

    /// <summary>Reads <see cref="Serialise"/>'s form; unknown names are ignored, and nothing stored keeps the first choice.</summary>
    public static RegisterColumns Parse(string? stored)
    {
        var columns = new RegisterColumns();
        if (stored is null)
            return columns;
        columns._hidden.Clear();
        foreach (var name in stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<OptionalColumn>(name, out var column) && Enum.IsDefined(column))
                columns._hidden.Add(column);
        }
        return columns;
    }
}
