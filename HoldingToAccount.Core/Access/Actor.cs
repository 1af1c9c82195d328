namespace HoldingToAccount.Core.Access;

/// <summary>The app role someone has, or <see cref="System"/> for the product itself; what each may do is <see cref="AccessRules"/>' table.</summary>
public enum AccessLevel { Viewer, Officer, Chair, Secretariat, System }

/// <summary>
/// Who is acting, as Core's rules need to know it: a name for the record, their level, the person they are (so
/// "my actions" means the roles that person holds today) and, for a staff officer, the roles they act for.
/// </summary>
public sealed record Actor(string Name, AccessLevel Level, int? PersonId = null, IReadOnlyList<string>? ActsFor = null)
{
    /// <summary>The product itself: demo data, scheduled jobs, the command line.</summary>
    public static Actor System(string name = "system") => new(name, AccessLevel.System);

    public bool May(Permission permission) => Level.Allows(permission);
}
