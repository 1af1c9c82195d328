using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Import;

[Needs(Need.Database)]
public sealed class ImportAttendanceTests
{
    [Fact]
    public async Task Scrambled_name_and_capacity_columns_are_put_back_with_who_held_each_role_that_day()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var register = await RegisterBuilder.CreateAsync(database);
        await register.MeetingAsync(new DateOnly(2016, 7, 26), MeetingStatus.Planned);
        await using (var db = await database.CreateContextAsync())
        {
            Role Code(string code) => db.Roles.Single(r => r.Code == code);
            var from = new DateOnly(2015, 1, 1);
            db.Roles.Add(new Role { Code = "CEX", Title = "Chief Executive" });
            await db.SaveChangesAsync();
            db.AddHolder(Code("PCC"), "John Campion", from);
            db.AddHolder(Code("CEX"), "Andy Champness", from);
            db.AddHolder(Code("CC"), "Anthony Bangham", from);
            db.AddHolder(Code("DCC"), "David Shaw", from);
            await db.SaveChangesAsync();
        }
        var draft = NotesTestFiles.ParseSeed("003_2a4d8154e2dc64d4.txt");
        var import = new ImportService(database.Get<IDbContextFactory<AppDbContext>>(), database.Clock);

        var result = await import.CommitAsync(draft, new ImportCorrections { Actions = new Dictionary<int, ActionCorrection> { [0] = new(Owners: ["DCC"]) } }, RegisterBuilder.Secretariat);

        await using var check = await database.CreateContextAsync();
        var attendance = await check.MeetingAttendees.Where(a => a.MeetingId == result.MeetingId).ToDictionaryAsync(a => a.Name, a => a.Capacity);
        Assert.Equal("Chief Constable", attendance["Anthony Bangham"]);
        Assert.Equal("Deputy Chief Constable", attendance["David Shaw"]);
        Assert.Equal("Police and Crime Commissioner", attendance["John Campion"]);
        Assert.Equal("Chief Executive Officer, OPCC", attendance["Andy Champness"]);
        Assert.Contains(result.Notes, n => n.Contains("who held each role on the day", StringComparison.Ordinal));
    }
}
