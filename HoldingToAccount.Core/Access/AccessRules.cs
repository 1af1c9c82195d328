namespace HoldingToAccount.Core.Access;

/// <summary>What a person may do here; pages, endpoints and Core's services ask by permission.</summary>
public enum Permission
{
    /// <summary>Read the register, meetings, exports and feeds.</summary>
    Read,

    /// <summary>Post updates and propose completion (an officer only on actions a role they hold owns: <see cref="ActionPermissions.CanUpdateAsync"/>).</summary>
    UpdateActions,

    /// <summary>Run a meeting: add, close, carry, defer, re-date, cancel and reassign actions; the agenda and attendance; the board.</summary>
    RunMeetings,

    /// <summary>The secretariat's work: plan meetings, people and roles, users and tokens, import, revisits, outbox, audit trail, Hangfire.</summary>
    Administer,

    /// <summary>The Insights page and its downloads: how the force answers the PCC's actions, for the chair, the office and viewers.</summary>
    ReadInsights,

    /// <summary>Read restricted agenda items and the actions restricted or raised under them (<see cref="Publishing.Restriction"/>).</summary>
    ReadRestricted,
}

/// <summary>
/// Who may do what, in one table: the app roles (one per <see cref="AccessLevel"/> a person can be given) each
/// permission is given to. The ASP.NET policies are built from it and Core's checks ask it.
/// </summary>
public static class AccessRules
{
    private static readonly Dictionary<Permission, AccessLevel[]> _table = new()
    {
        [Permission.Read] = [AccessLevel.Secretariat, AccessLevel.Chair, AccessLevel.Officer, AccessLevel.Viewer],
        [Permission.UpdateActions] = [AccessLevel.Secretariat, AccessLevel.Chair, AccessLevel.Officer],
        [Permission.RunMeetings] = [AccessLevel.Secretariat, AccessLevel.Chair],
        [Permission.Administer] = [AccessLevel.Secretariat],
        [Permission.ReadInsights] = [AccessLevel.Secretariat, AccessLevel.Chair, AccessLevel.Viewer],
        [Permission.ReadRestricted] = [AccessLevel.Secretariat, AccessLevel.Chair, AccessLevel.Officer],
    };

    /// <summary>The app roles a person can be given, the one that may do most first: someone given several acts as the first.</summary>
    public static IReadOnlyList<AccessLevel> PersonLevels { get; } =
        [AccessLevel.Secretariat, AccessLevel.Chair, AccessLevel.Officer, AccessLevel.Viewer];

    /// <summary>The levels <paramref name="permission"/> is given to (the product itself, <see cref="AccessLevel.System"/>, may do everything).</summary>
    public static IReadOnlyList<AccessLevel> GivenTo(Permission permission) => _table[permission];

    /// <summary>The app role names (Identity roles) <paramref name="permission"/> is given to.</summary>
    public static IReadOnlyList<string> RoleNames(Permission permission) => _table[permission].Select(RoleName).ToList();

    public static string RoleName(AccessLevel level) => level.ToString();

    public static bool Allows(this AccessLevel level, Permission permission) =>
        level == AccessLevel.System || _table[permission].Contains(level);

    /// <summary>Who may, in words, for "Only the … can …" messages.</summary>
    public static string Describe(Permission permission) => permission switch
    {
        Permission.RunMeetings => "chair or the secretariat",
        Permission.Administer => "secretariat",
        _ => string.Join(", ", _table[permission].Select(l => l.ToString().ToLowerInvariant())),
    };
}
