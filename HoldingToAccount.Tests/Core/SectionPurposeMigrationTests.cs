using HoldingToAccount.Core;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Core;

/// <summary>
/// An office database from before sections had a purpose, upgraded: the sections its pages and notes treated as brought
/// forward and as the next meeting (by number or title) get those purposes, so it behaves as before.
/// </summary>
[Needs(Need.Database)]
public sealed class SectionPurposeMigrationTests
{
    [Fact]
    public async Task Upgrading_marks_section_1_or_a_brought_forward_title_and_section_6_or_a_next_meeting_title()
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
            var adding = migrations.FindIndex(m => m.EndsWith("_SectionPurpose", StringComparison.Ordinal));
            Assert.True(adding > 0, "the migration that adds section purposes comes after another");
            await db.GetService<IMigrator>().MigrateAsync(migrations[adding - 1]);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Series" ("Id", "Name", "Kind") VALUES (1, 'Monthly Assurance Meeting', 'Monthly assurance'), (2, 'Weekly Executive', 'Weekly');
                INSERT INTO "AgendaSections" ("Id", "SeriesId", "Number", "Title", "Order") VALUES
                    (1, 1, '1', 'Outstanding matters / items brought forward', 1),
                    (2, 1, '4a', 'Performance against the police and crime plan', 2),
                    (3, 1, '5', 'AOB', 3),
                    (4, 1, '6', 'Date of next meeting', 4),
                    (5, 2, 'A', 'Outstanding actions', 1),
                    (6, 2, 'B', 'Actions brought forward from the last meeting', 2),
                    (7, 2, 'C', 'Current issues', 3),
                    (8, 2, 'D', 'Date and venue of the next meeting', 4);
                """);
            await db.Database.MigrateAsync();
        }

        await using var upgraded = await factory.CreateDbContextAsync();
        var purposes = await upgraded.AgendaSections.OrderBy(s => s.Id).Select(s => s.Purpose).ToListAsync();
        Assert.Equal(
            [SectionPurpose.BroughtForward, SectionPurpose.Business, SectionPurpose.Business, SectionPurpose.NextMeeting,
             SectionPurpose.BroughtForward, SectionPurpose.BroughtForward, SectionPurpose.Business, SectionPurpose.NextMeeting],
            purposes);
    }
}
