using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Grammar;

namespace HoldingToAccount.Core.Import.ActionLog;

/// <summary>
/// The secretariat's choices for committing a log: the series it belongs to (null: the first), the role each owner the
/// register does not know stands for, and the day actions with no readable date raised were raised on (null: today).
/// </summary>
public sealed record ActionLogCorrections(int? SeriesId = null, IReadOnlyDictionary<string, string>? Owners = null, DateOnly? RaisedOnFallback = null)
{
    public static readonly ActionLogCorrections None = new();
}

public enum LogRowOutcome { New, Update, Unchanged }

/// <summary>What committing would do with one row: its reference (kept, or the one it would get), owners as role codes.</summary>
public sealed record LogRowReview(int Row, string Reference, LogRowOutcome Outcome, IReadOnlyList<string> Owners, IReadOnlyList<string> Warnings, IReadOnlyList<string> Problems);

/// <summary>The log read against the register: every row's outcome, the owners it does not know, and what stops a commit.</summary>
public sealed record ActionLogReview(
    int SeriesId,
    string SeriesName,
    IReadOnlyList<LogRowReview> Rows,
    int MeetingsToCreate,
    IReadOnlyList<string> UnknownOwners,
    IReadOnlyList<RoleOption> Roles,
    IReadOnlyList<string> Problems)
{
    public int New => Rows.Count(r => r.Outcome == LogRowOutcome.New);
    public int Updates => Rows.Count(r => r.Outcome == LogRowOutcome.Update);
    public int Unchanged => Rows.Count(r => r.Outcome == LogRowOutcome.Unchanged);
}

public sealed record ActionLogResult(string SeriesName, int Created, int Updated, int Unchanged, int MeetingsCreated)
{
    public string Summary =>
        $"Imported the action log into {SeriesName}: {Counted.Of(Created, "new action")}, {Updated:N0} updated, {Unchanged:N0} unchanged, {Counted.Of(MeetingsCreated, "meeting")} added.";
}
