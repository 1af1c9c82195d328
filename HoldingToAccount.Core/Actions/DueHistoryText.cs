namespace HoldingToAccount.Core.Actions;

/// <summary>
/// An action's due history in one line, for the action page, the board and the Run page:
/// "first due: February 2017 meeting · now due: February 2027 meeting · carried 3×".
/// </summary>
public static class DueHistoryText
{
    private const string Separator = " · ";

    public static string Describe(ActionRow action)
    {
        var now = action.NowDue;
        var parts = new List<string>(3);
        if (FirstDueElsewhere(action) is { } first)
        {
            parts.Add($"first due: {first}");
            parts.Add($"{(action.Status.IsOpen() ? "now due" : "last due")}: {Point(now)}");
        }
        else
        {
            parts.Add($"due: {Point(now)}");
        }
        if (action.TimesCarried > 0)
            parts.Add($"carried {action.TimesCarried}×");
        return string.Join(Separator, parts);
    }

    /// <summary>Where the action was first due, when it has since moved ("February 2017 meeting"); null when it has not.</summary>
    public static string? FirstDueElsewhere(ActionRow action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.FirstDue is { } first && !first.SamePlaceAs(action.NowDue) ? Point(first) : null;
    }

    /// <summary>A due point as people say it: "February 2027 meeting", "the first meeting on or after 3 Mar 2027".</summary>
    public static string Point(DuePoint due) => due switch
    {
        { Meeting: { } meeting } => $"{London.Month(meeting.Date)} meeting",
        { Kind: DueKind.Date, Date: { } date } => $"the first meeting on or after {London.ShortDate(date)}",
        { Kind: DueKind.NextMeeting } => "the next meeting (not yet planned)",
        { Phrase: { Length: > 0 } phrase } => $"“{phrase}” (no due point yet)",
        _ => "no due point yet",
    };
}
