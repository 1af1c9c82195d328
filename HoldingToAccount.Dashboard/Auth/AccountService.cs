using System.Security.Cryptography;
using HoldingToAccount.Core;
using HoldingToAccount.Core.People;
using Microsoft.AspNetCore.Identity;

namespace HoldingToAccount.Dashboard.Auth;

public sealed record NewUser(string Email, string Name, string Role, string? Person = null, string? ActsFor = null);

public sealed record CreatedUser(string Id, string Email, string Role, string? GeneratedPassword);

/// <summary>Creates accounts for the command line and the demo; refuses bad input with a clear message.</summary>
public sealed class AccountService(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, PeopleService people, AuthDbContext db)
{
    /// <param name="password">null to generate one (returned once, never stored in clear).</param>
    public async Task<CreatedUser> CreateUserAsync(NewUser input, string? password, string actor)
    {
        db.ExplicitActor = actor;
        var role = AppRoles.All.FirstOrDefault(r => r.Equals(input.Role?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException($"Unknown role '{input.Role}'. Roles: {string.Join(", ", AppRoles.All)}.");
        if (string.IsNullOrWhiteSpace(input.Name))
            throw new DomainException("Give the user's name.");
        if (await users.FindByEmailAsync(input.Email) is not null)
            throw new DomainException($"There is already a user {input.Email}.");
        int? personId = null;
        if (!string.IsNullOrWhiteSpace(input.Person))
            personId = (await people.FindPersonAsync(input.Person))?.Id
                ?? throw new DomainException($"There is no person '{input.Person}'. Give their id, e-mail or full name.");

        await EnsureRolesAsync();
        var user = new ApplicationUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.Name.Trim(),
            PersonId = personId,
            ActsFor = string.IsNullOrWhiteSpace(input.ActsFor) ? null : RoleCodes.Normalise(input.ActsFor),
            LockoutEnabled = true,
        };
        var generated = password is null ? GeneratePassword() : null;
        Check(await users.CreateAsync(user, password ?? generated!));
        Check(await users.AddToRoleAsync(user, role));
        return new CreatedUser(user.Id, user.Email, role, generated);
    }

    public Task<ApplicationUser?> FindAsync(string email) => users.FindByEmailAsync(email);

    /// <summary>Stops an account: no more sign-ins or API calls, and open sessions end within a minute (new security stamp).</summary>
    public async Task DisableAsync(string email, string actor)
    {
        db.ExplicitActor = actor;
        var user = await users.FindByEmailAsync(email) ?? throw new DomainException($"There is no user {email}.");
        user.Disabled = true;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in AppRoles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Four groups of five letters and digits, easy to read out and type.</summary>
    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return string.Join('-', chars.Chunk(5).Select(c => new string(c))) + "-7a";
    }
}
