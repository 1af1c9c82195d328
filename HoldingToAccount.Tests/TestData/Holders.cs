using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.TestData;

/// <summary>"A person holds a role": how tests put someone in a role, written straight to the database.</summary>
public static class Holders
{
    /// <summary>A new person who holds the (existing) role <paramref name="roleCode"/> from <paramref name="from"/>, to <paramref name="to"/> if given.</summary>
    public static async Task<RoleHolding> AddHolderAsync(this TestDatabase database, string roleCode, string name, DateOnly from,
        DateOnly? to = null, string? email = null, bool temporary = false)
    {
        await using var db = await database.CreateContextAsync();
        var holding = db.AddHolder(await db.Roles.SingleAsync(r => r.Code == roleCode), name, from, to, email, temporary);
        await db.SaveChangesAsync();
        return holding;
    }

    /// <summary>The same within the caller's own save (many holders at once, or a role made in the same save).</summary>
    public static RoleHolding AddHolder(this AppDbContext db, Role role, string name, DateOnly from,
        DateOnly? to = null, string? email = null, bool temporary = false)
    {
        var holding = new RoleHolding { Role = role, Person = new Person { Name = name, Email = email }, From = from, To = to, Temporary = temporary };
        db.RoleHoldings.Add(holding);
        return holding;
    }
}
