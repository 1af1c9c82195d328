namespace HoldingToAccount.Core.Actions;

/// <summary>The reasons a chair gives most often, offered as one click; a typed reason is always possible.</summary>
public static class DecisionReasons
{
    public static IReadOnlyList<string> For(Decision decision) => decision switch
    {
        Decision.Closed => ["Update accepted", "Superseded", "Covered by another action"],
        Decision.Carried or Decision.Deferred or Decision.Redated => ["More time needed", "To be covered at a later meeting"],
        Decision.Cancelled => ["Superseded", "No longer needed"],
        Decision.Reopened => ["Closed in error", "More work needed"],
        _ => [],
    };
}
