using HoldingToAccount.Core.People;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

[Needs(Need.Database)]
public sealed class RoleHolderTests
{
    [Fact]
    public async Task The_holder_of_a_role_is_whoever_held_it_on_the_day_asked_about()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = await database.CreateContextAsync())
        {
            var dcc = new Role { Code = "DCC", Title = "Deputy Chief Constable" };
            db.AddHolder(dcc, "David Shaw", new DateOnly(2014, 1, 1), new DateOnly(2016, 10, 31), "david.shaw@example.org");
            db.AddHolder(dcc, "Chris Singer", new DateOnly(2016, 11, 1), email: "chris.singer@example.org", temporary: true);
            await db.SaveChangesAsync();
        }
        var people = database.Get<PeopleService>();

        Assert.Equal("David Shaw", (await people.HolderOnAsync("DCC", new DateOnly(2016, 6, 28)))?.PersonName);
        Assert.Equal("David Shaw", (await people.HolderOnAsync("dcc", new DateOnly(2016, 10, 31)))?.PersonName);
        var temporary = await people.HolderOnAsync("DCC", new DateOnly(2017, 1, 31));
        Assert.Equal("Chris Singer", temporary?.PersonName);
        Assert.True(temporary?.Temporary);
        Assert.Null(await people.HolderOnAsync("DCC", new DateOnly(2013, 1, 1)));
        Assert.Null(await people.HolderOnAsync("ACC", new DateOnly(2017, 1, 31)));
    }

    [Theory]
    [InlineData("cc", "CC")]
    [InlineData(" t/dcc ", "T/DCC")]
    [InlineData("\u0421\u0421", "CC")]
    [InlineData("\uFF23\uFF23", "CC")]
    [InlineData("PCC\u2215CC", "PCC/CC")]
    public void Role_codes_fold_case_space_and_look_alike_letters(string written, string code) =>
        Assert.Equal(code, RoleCodes.Normalise(written));
}
