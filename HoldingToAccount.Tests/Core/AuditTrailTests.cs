using HoldingToAccount.Core.Audit;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Core;

[Needs(Need.Database)]
public sealed class AuditTrailTests
{
    [Fact]
    public async Task Every_change_is_recorded_with_who_and_before_and_after_and_the_chain_verifies()
    {
        await using var database = await TestDatabase.CreateAsync();
        var register = await RegisterBuilder.CreateAsync(database);
        var jan = await register.MeetingAsync(new DateOnly(2017, 1, 31));
        var action = await register.ActionAsync(jan, "An update on JPP", "to the July meeting");
        await database.Get<global::HoldingToAccount.Core.Actions.ActionService>()
            .AddUpdateAsync(action.Reference, action.Version, "Pilot under review", null, RegisterBuilder.Secretariat);

        await using var db = await database.CreateContextAsync();
        var entries = await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        var created = Assert.Single(entries, e => e.EntityType == "ActionItem" && e.Change == "Added");
        Assert.Equal("Sam Carter", created.Who);
        Assert.Contains("An update on JPP", created.After, StringComparison.Ordinal);
        var modified = Assert.Single(entries, e => e.EntityType == "ActionItem" && e.Change == "Modified");
        Assert.Contains("\"Status\":\"Open\"", modified.Before, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"UpdateProvided\"", modified.After, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.EntityType == "ActionUpdate" && e.After!.Contains("Pilot under review", StringComparison.Ordinal));

        var verification = await AuditChain.VerifyAsync(db);
        Assert.True(verification.Intact, verification.Message);
        Assert.Equal(entries.Count, verification.Checked);
    }

    [Fact]
    public async Task Updates_saved_at_the_same_moment_still_chain_one_after_another()
    {
        await using var database = await TestDatabase.CreateAsync();
        var register = await RegisterBuilder.CreateAsync(database);
        var jan = await register.MeetingAsync(new DateOnly(2017, 1, 31));
        var actions = new List<global::HoldingToAccount.Core.Actions.ActionRow>();
        for (var i = 0; i < 8; i++)
            actions.Add(await register.ActionAsync(jan, $"Action {i}", "to the July meeting"));

        var service = database.Get<global::HoldingToAccount.Core.Actions.ActionService>();
        await Task.WhenAll(actions.Select(a => Task.Run(() => service.AddUpdateAsync(a.Reference, a.Version, "Work under way", null, RegisterBuilder.Secretariat))));

        await using var db = await database.CreateContextAsync();
        var verification = await AuditChain.VerifyAsync(db);
        Assert.True(verification.Intact, verification.Message);
        Assert.Equal(8, await db.ActionUpdates.CountAsync());
    }

    [Fact]
    public async Task A_tampered_entry_is_detected()
    {
        await using var database = await TestDatabase.CreateAsync();
        var register = await RegisterBuilder.CreateAsync(database);
        var jan = await register.MeetingAsync(new DateOnly(2017, 1, 31));
        await register.ActionAsync(jan, "An update on JPP", "to the July meeting");
        await register.ActionAsync(jan, "Burglary update", "to the February meeting");

        await using var db = await database.CreateContextAsync();
        var victim = await db.AuditEntries.Where(e => e.EntityType == "ActionItem").OrderBy(e => e.Id).FirstAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"Who\" = 'someone else' WHERE \"Id\" = {victim.Id}");

        var verification = await AuditChain.VerifyAsync(db);
        Assert.False(verification.Intact);
        Assert.Equal(victim.Id, verification.FirstBrokenId);
    }

    [Fact]
    public async Task A_deleted_entry_breaks_the_chain()
    {
        await using var database = await TestDatabase.CreateAsync();
        var register = await RegisterBuilder.CreateAsync(database);
        var jan = await register.MeetingAsync(new DateOnly(2017, 1, 31));
        await register.ActionAsync(jan, "Burglary update", "to the February meeting");

        await using var db = await database.CreateContextAsync();
        var ids = await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {ids[ids.Count / 2]}");

        Assert.False((await AuditChain.VerifyAsync(db)).Intact);
    }
}
