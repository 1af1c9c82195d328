using System.Globalization;
using System.Security.Claims;
using HoldingToAccount.Core.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Dashboard.Auth;

/// <summary>The claims a signed-in user carries beyond Identity's own: their person, the roles they act for, their name.</summary>
public static class AppClaims
{
    public const string PersonId = "hta:person";
    public const string ActsFor = "hta:acts-for";
    public const string DisplayName = "hta:display-name";

    /// <summary>The Core actor for a signed-in user: their highest app role decides what they may do.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var level = LevelOf(user.IsInRole);
        var person = user.FindFirst(PersonId)?.Value;
        var actsFor = user.FindFirst(ActsFor)?.Value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Actor(
            user.FindFirst(DisplayName)?.Value ?? user.Identity?.Name ?? "unknown",
            level,
            person is null ? null : int.Parse(person, CultureInfo.InvariantCulture),
            actsFor);
    }

    /// <summary>The level of someone with the app roles <paramref name="hasRole"/> says: the first of them that may do most.</summary>
    public static AccessLevel LevelOf(Func<string, bool> hasRole) =>
        AccessRules.PersonLevels.Where(l => hasRole(AccessRules.RoleName(l))).DefaultIfEmpty(AccessLevel.Viewer).First();
}

internal sealed class AppClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.PersonId is { } person)
            identity.AddClaim(new Claim(AppClaims.PersonId, person.ToString(CultureInfo.InvariantCulture)));
        if (!string.IsNullOrWhiteSpace(user.ActsFor))
            identity.AddClaim(new Claim(AppClaims.ActsFor, user.ActsFor));
        return identity;
    }
}
