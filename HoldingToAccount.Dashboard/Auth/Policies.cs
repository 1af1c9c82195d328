using HoldingToAccount.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace HoldingToAccount.Dashboard.Auth;

/// <summary>The app's roles (Identity roles): one per <see cref="AccessLevel"/> a person can be given.</summary>
public static class AppRoles
{
    public const string Secretariat = nameof(AccessLevel.Secretariat);
    public const string Chair = nameof(AccessLevel.Chair);
    public const string Officer = nameof(AccessLevel.Officer);
    public const string Viewer = nameof(AccessLevel.Viewer);

    public static readonly string[] All = AccessRules.PersonLevels.Select(AccessRules.RoleName).ToArray();
}

/// <summary>The policies pages and endpoints name: one per <see cref="Permission"/>, given to the roles Core's <see cref="AccessRules"/> table says.</summary>
public static class Policies
{
    /// <summary><see cref="Permission.Read"/>: any signed-in user with an app role.</summary>
    public const string Read = "Read";

    /// <summary><see cref="Permission.Administer"/>: meetings, people, users, tokens, outbox, audit trail, Hangfire.</summary>
    public const string Secretariat = "Secretariat";

    /// <summary><see cref="Permission.RunMeetings"/>: close, carry, defer and add actions; run a meeting; control the board.</summary>
    public const string ChairOrSecretariat = "ChairOrSecretariat";

    /// <summary><see cref="Permission.UpdateActions"/> (officers on their own actions; that rule lives in Core).</summary>
    public const string Update = "Update";

    /// <summary><see cref="Permission.ReadInsights"/>: the Insights page and its CSV downloads.</summary>
    public const string Insights = "Insights";

    /// <summary><see cref="Permission.ReadRestricted"/>: restricted agenda items and their actions (applied by Core's <c>Restriction</c>, not by a route).</summary>
    public const string ReadRestricted = "ReadRestricted";

    public static string For(Permission permission) => permission switch
    {
        Permission.Read => Read,
        Permission.UpdateActions => Update,
        Permission.RunMeetings => ChairOrSecretariat,
        Permission.Administer => Secretariat,
        Permission.ReadInsights => Insights,
        Permission.ReadRestricted => ReadRestricted,
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, null),
    };

    /// <summary>Registers a policy per permission, and the fallback (any page or endpoint that names none needs
    /// <see cref="Permission.Read"/>). The app and the component tests both call this.</summary>
    public static IServiceCollection AddAppAuthorization(this IServiceCollection services)
    {
        var authorization = services.AddAuthorizationBuilder();
        foreach (var permission in Enum.GetValues<Permission>())
            authorization.AddPolicy(For(permission), p => p.RequireAuthenticatedUser().RequireRole(AccessRules.RoleNames(permission)));
        authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser().RequireRole(AccessRules.RoleNames(Permission.Read)).Build());
        return services;
    }
}
