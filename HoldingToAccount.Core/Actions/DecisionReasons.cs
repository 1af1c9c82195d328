namespace HoldingToAccount.Core.Actions;

/// <summary>The reasons a chair gives most often, offered as one click; a typed reason is always possible.</summary>
public static class DecisionReasons
{
    /// <summary>Stands for the meeting an action is carried to, in "To be covered at …", until that meeting is chosen.</summary>
    public const string Meeting = "…";

    public static IReadOnlyList<string> For(Decision decision) => decision switch
    {
        Decision.Closed => ["Update accepted", "Superseded", "Covered by another action"],
        Decision.Carried => ["More time needed", $"To be covered at {Meeting}"],
        Decision.Deferred => ["More time needed", "To be covered at the next meeting"],
        Decision.Redated => ["More time needed", "To be covered at a later meeting"],
        Decision.Reassigned => ["Responsibility has moved"],
        Decision.Cancelled => ["Superseded", "No longer needed"],
        Decision.Reopened => ["Closed in error", "More work needed"],
        _ => [],
    };

    /// <summary>The preset with the chosen meeting in place of <see cref="Meeting"/>; unchanged while none is chosen.</summary>
    public static string Fill(string preset, string? meetingTitle)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return meetingTitle is { Length: > 0 } ? preset.Replace(Meeting, meetingTitle, StringComparison.Ordinal) : preset;
    }

    /// <summary>The reason recorded: a preset alone, a typed reason alone, or the preset followed by what was typed.</summary>
    public static string Combine(string? preset, string? typed)
    {
        var own = typed?.Trim() ?? "";
        return (preset?.Trim() ?? "", own) switch
        {
            ("", _) => own,
            (var p, "") => p,
            (var p, _) => $"{p}: {own}",
        };
    }
}
