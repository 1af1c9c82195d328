using System.ComponentModel.DataAnnotations;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.People;

public sealed record HoldingRow(int Id, int PersonId, string PersonName, string RoleCode, string RoleTitle, DateOnly From, DateOnly? To, bool Temporary)
{
    public bool IsHeldOn(DateOnly day) => From <= day && (To is null || To >= day);

    private string Acting => Temporary && !RoleCode.StartsWith("T/", StringComparison.Ordinal) ? "T/" : "";

    /// <summary>The role as held: "DCC", or "T/DCC" when temporary.</summary>
    public string HeldAs => Acting + RoleCode;

    /// <summary>The holder's capacity as meeting notes write it: "T/Deputy Chief Constable (T/DCC)".</summary>
    public string Capacity => $"{Acting}{RoleTitle} ({HeldAs})";
}

public sealed record PersonDetail(int Id, string Name, string? Email, bool Active, IReadOnlyList<HoldingRow> Holdings);

/// <summary>A role with whoever holds it on the day; no holder means the role is vacant and its reminders go to the secretariat.</summary>
public sealed record RoleRow(int Id, string Code, string Title, IReadOnlyList<HoldingRow> Holders)
{
    public bool Vacant => Holders.Count == 0;
}

public sealed record PersonInput(
    [property: Required(ErrorMessage = "Give the person's name (up to 200 characters).")][property: MaxLength(InputLimits.PersonName, ErrorMessage = "Give the person's name (up to 200 characters).")] string Name,
    [property: MaxLength(InputLimits.Email, ErrorMessage = "An e-mail address can be at most {1} characters.")] string? Email,
    bool Active = true);

public sealed record HoldingInput(int PersonId, string RoleCode, DateOnly From, DateOnly? To = null, bool Temporary = false);

/// <summary>People, roles and who holds which role when: kept by the secretariat.</summary>
public sealed partial class PeopleService
{
    public async Task<IReadOnlyList<PersonDetail>> PeopleAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var people = await db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var holdings = await Holdings(db.RoleHoldings).ToListAsync(ct);
        return people.Select(p => new PersonDetail(p.Id, p.Name, p.Email, p.Active,
            holdings.Where(h => h.PersonId == p.Id).OrderByDescending(h => h.From).ToList())).ToList();
    }

    /// <summary>Every role with who holds it on <paramref name="day"/> (default today).</summary>
    public async Task<IReadOnlyList<RoleRow>> RolesAsync(DateOnly? day = null, CancellationToken ct = default)
    {
        var on = day ?? London.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var roles = await db.Roles.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        var holdings = await Holdings(db.RoleHoldings.Where(h => h.From <= on && (h.To == null || h.To >= on))).ToListAsync(ct);
        return roles.Select(r => new RoleRow(r.Id, r.Code, r.Title, holdings.Where(h => h.RoleCode == r.Code).ToList())).ToList();
    }

    public async Task<PersonRow> AddPersonAsync(PersonInput input, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "add people");
        var (name, email) = Checked(input);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        await EnsureEmailFreeAsync(db, email, null, ct);
        var person = new Person { Name = name, Email = email, Active = input.Active };
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return new PersonRow(person.Id, person.Name, person.Email, person.Active);
    }

    public async Task<PersonRow> UpdatePersonAsync(int id, PersonInput input, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "change people");
        var (name, email) = Checked(input);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException($"There is no person {id}.");
        await EnsureEmailFreeAsync(db, email, id, ct);
        (person.Name, person.Email, person.Active) = (name, email, input.Active);
        await db.SaveChangesAsync(ct);
        return new PersonRow(person.Id, person.Name, person.Email, person.Active);
    }

    public async Task<RoleOptionRow> AddRoleAsync(string code, string title, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "add roles");
        var normalised = RoleCodes.Normalise(code);
        if (normalised.Length is 0 or > InputLimits.RoleCode)
            throw new DomainException("Give the role a short code of up to 16 characters, for example ACC.");
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > InputLimits.RoleTitle)
            throw new DomainException("Give the role's title (up to 200 characters), for example Assistant Chief Constable.");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        if (await db.Roles.AnyAsync(r => r.Code == normalised, ct))
            throw new DomainException($"There is already a role {normalised}.");
        var role = new Role { Code = normalised, Title = title.Trim() };
        db.Roles.Add(role);
        await db.SaveChangesAsync(ct);
        return new RoleOptionRow(role.Id, role.Code, role.Title);
    }

    /// <summary>Records that a person holds a role from a date (to a date, or still). Two substantive holders of one role may not overlap;
    /// a temporary holder (T/DCC) may overlap the substantive one.</summary>
    public async Task<HoldingRow> AddHoldingAsync(HoldingInput input, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "record who holds a role");
        if (input.To < input.From)
            throw new DomainException("The last day held is before the first.");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var code = RoleCodes.Normalise(input.RoleCode);
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Code == code, ct) ?? throw new DomainException($"There is no role {code}.");
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == input.PersonId, ct) ?? throw new DomainException("Choose the person who holds the role.");
        if (!input.Temporary)
        {
            var end = input.To ?? DateOnly.MaxValue;
            var clash = await db.RoleHoldings
                .Where(h => h.Role.Code == code && !h.Temporary && h.From <= end && (h.To == null || h.To >= input.From))
                .Select(h => new { PersonName = h.Person.Name, h.From, h.To })
                .FirstOrDefaultAsync(ct);
            if (clash is not null)
                throw new DomainException($"{clash.PersonName} holds {code} from {London.ShortDate(clash.From)}"
                    + (clash.To is { } to ? $" to {London.ShortDate(to)}" : "") + ". End that holding first, or record this one as temporary.");
        }
        var holding = new RoleHolding { Person = person, Role = role, From = input.From, To = input.To, Temporary = input.Temporary };
        db.RoleHoldings.Add(holding);
        await db.SaveChangesAsync(ct);
        return new HoldingRow(holding.Id, person.Id, person.Name, role.Code, role.Title, holding.From, holding.To, holding.Temporary);
    }

    /// <summary>Records the last day a person held the role.</summary>
    public async Task EndHoldingAsync(int holdingId, DateOnly lastDay, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "record who holds a role");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var holding = await db.RoleHoldings.SingleOrDefaultAsync(h => h.Id == holdingId, ct) ?? throw new NotFoundException($"There is no role holding {holdingId}.");
        if (lastDay < holding.From)
            throw new DomainException($"The last day held cannot be before the first ({London.ShortDate(holding.From)}).");
        holding.To = lastDay;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a holding recorded by mistake (to end a real one, use <see cref="EndHoldingAsync"/>).</summary>
    public async Task RemoveHoldingAsync(int holdingId, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "record who holds a role");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var holding = await db.RoleHoldings.SingleOrDefaultAsync(h => h.Id == holdingId, ct) ?? throw new NotFoundException($"There is no role holding {holdingId}.");
        db.RoleHoldings.Remove(holding);
        await db.SaveChangesAsync(ct);
    }

    private static IQueryable<HoldingRow> Holdings(IQueryable<RoleHolding> holdings) =>
        holdings.Select(h => new HoldingRow(h.Id, h.PersonId, h.Person.Name, h.Role.Code, h.Role.Title, h.From, h.To, h.Temporary));

    private static (string Name, string? Email) Checked(PersonInput input)
    {
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        var name = InputValidation.Checked(input with { Name = input.Name?.Trim() ?? "", Email = email }).Name;
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _))
            throw new DomainException($"\"{email}\" is not an e-mail address.");
        return (name, email);
    }

    private static async Task EnsureEmailFreeAsync(AppDbContext db, string? email, int? except, CancellationToken ct)
    {
        if (email is null)
            return;
        var lower = email.ToLowerInvariant();
        if (await db.People.AnyAsync(p => p.Id != except && p.Email != null && p.Email.ToLower() == lower, ct))
            throw new DomainException($"Someone else already has the e-mail address {email}.");
    }
}

public sealed record RoleOptionRow(int Id, string Code, string Title);
