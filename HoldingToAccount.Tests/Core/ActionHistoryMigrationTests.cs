using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Core;

/// <summary>
/// A register kept before actions had a history, upgraded: each action's history starts with its state as it was, so
/// "times carried" counts what it counted before — an open action every held meeting since it fell due, a closed one
/// those before the day it was closed — and the due point first agreed is the one it had.
/// </summary>
[Needs(Need.Database)]
public sealed class ActionHistoryMigrationTests
{
    [Fact]
    public async Task Upgrading_gives_every_action_a_history_that_counts_times_carried_as_before()
    {
        await using var scratch = await ScratchDatabase.CreateAsync();
        await using var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddCore(new ConfigurationBuilder().AddInMemoryCollection(scratch.Configuration).Build())
            .BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var adding = migrations.FindIndex(m => m.EndsWith("_ActionHistory", StringComparison.Ordinal));
            Assert.True(adding > 0, "the migration that adds the actions' history comes after another");
            await db.GetService<IMigrator>().MigrateAsync(migrations[adding - 1]);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Series" ("Id", "Name", "Kind") VALUES (1, 'Monthly Assurance Meeting', 'Monthly assurance');
                INSERT INTO "Roles" ("Id", "Code", "Title") VALUES (1, 'CC', 'Chief Constable'), (2, 'DCC', 'Deputy Chief Constable');
                INSERT INTO "Meetings" ("Id", "SeriesId", "Title", "Date", "StartTime", "Status", "Version") VALUES
                    (1, 1, 'Monthly Assurance Meeting January 2017', '2017-01-31', '10:30:00', 'Held', 1),
                    (2, 1, 'Monthly Assurance Meeting February 2017', '2017-02-28', '10:30:00', 'Held', 1),
                    (3, 1, 'Monthly Assurance Meeting March 2017', '2017-03-28', '10:30:00', 'Held', 1),
                    (4, 1, 'Monthly Assurance Meeting April 2017', '2017-04-25', '10:30:00', 'Planned', 1);
                INSERT INTO "ActionItems" ("Id", "Year", "Sequence", "Text", "Kind", "SeriesId", "RaisedAtMeetingId", "DueKind", "DueMeetingId", "DuePhrase", "Status", "ClosedAtMeetingId", "ClosedOn", "Version") VALUES
                    (1, 2017, 1, 'Burglary update', 'Action', 1, 1, 'Meeting', 2, 'to the February meeting', 'UpdateProvided', NULL, NULL, 3),
                    (2, 2017, 2, 'Estates plan', 'Action', 1, 1, 'Meeting', 2, 'to the February meeting', 'Closed', 3, '2017-03-28', 4);
                INSERT INTO "ActionOwners" ("ActionItemId", "OwnersId") VALUES (1, 2), (1, 1), (2, 1);
                """);
            await db.Database.MigrateAsync();
        }

        await using (var upgraded = await factory.CreateDbContextAsync())
        {
            var periods = await upgraded.ActionPeriods.OrderBy(p => p.ActionItemId).ThenBy(p => p.Id).ToListAsync();
            Assert.Equal([(1, "CC/DCC", ActionStatus.UpdateProvided), (2, "CC", ActionStatus.Open), (2, "CC", ActionStatus.Closed)],
                periods.Select(p => (p.ActionItemId, p.Owners, p.Status)).ToList());
            Assert.Equal(new DateOnly(2017, 3, 28), periods[^1].From);
        }
        var actions = services.GetRequiredService<ActionService>();
        var open = (await actions.GetAsync("2017/01"))!.Action;
        Assert.Equal(2, open.TimesCarried);
        Assert.Equal("to the February meeting", open.FirstDue!.Phrase);
        Assert.Equal(2, open.FirstDue.Meeting!.Id);
        Assert.Equal(1, (await actions.GetAsync("2017/02"))!.Action.TimesCarried);
    }
}
