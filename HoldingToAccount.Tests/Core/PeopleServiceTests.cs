using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.People;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

[Needs(Need.Database)]
public sealed class PeopleServiceTests : IAsyncLifetime
{
    private static readonly Actor Secretariat = RegisterBuilder.Secretariat;
    private static readonly Actor Chair = new("John Campion", AccessLevel.Chair);

    private TestDatabase _database = null!;
    private PeopleService People => _database.Get<PeopleService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        await RegisterBuilder.CreateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Only_the_secretariat_changes_people_and_roles()
    {
        var shaw = await People.AddPersonAsync(new PersonInput("David Shaw", "david.shaw@example.org"), Secretariat);
        await Assert.ThrowsAsync<ForbiddenException>(() => People.AddPersonAsync(new PersonInput("Someone", null), Chair));
        await Assert.ThrowsAsync<ForbiddenException>(() => People.UpdatePersonAsync(shaw.Id, new PersonInput("David Shaw", null, false), Chair));
        await Assert.ThrowsAsync<ForbiddenException>(() => People.AddRoleAsync("ACC2", "Assistant Chief Constable", Chair));
        await Assert.ThrowsAsync<ForbiddenException>(() => People.AddHoldingAsync(new HoldingInput(shaw.Id, "DCC", new DateOnly(2014, 1, 1)), Chair));
        Assert.Single(await People.PeopleAsync());
    }

    [Fact]
    public async Task A_person_needs_a_name_and_a_real_unique_email()
    {
        await People.AddPersonAsync(new PersonInput("David Shaw", "david.shaw@example.org"), Secretariat);
        Assert.Contains("name", (await Assert.ThrowsAsync<DomainException>(() => People.AddPersonAsync(new PersonInput("  ", null), Secretariat))).Message);
        Assert.Contains("not an e-mail address", (await Assert.ThrowsAsync<DomainException>(() => People.AddPersonAsync(new PersonInput("X", "not-an-address"), Secretariat))).Message);
        Assert.Contains("already has", (await Assert.ThrowsAsync<DomainException>(() => People.AddPersonAsync(new PersonInput("Other", "DAVID.SHAW@example.org"), Secretariat))).Message);
    }

    [Fact]
    public async Task A_person_who_left_the_force_is_kept_but_marked_inactive()
    {
        var shaw = await People.AddPersonAsync(new PersonInput("David Shaw", null), Secretariat);
        await People.UpdatePersonAsync(shaw.Id, new PersonInput("David Shaw", "ds@example.org", Active: false), Secretariat);
        var person = Assert.Single(await People.PeopleAsync());
        Assert.False(person.Active);
        Assert.Equal("ds@example.org", person.Email);
    }

    [Fact]
    public async Task Two_substantive_holders_may_not_overlap_but_a_temporary_one_may()
    {
        var shaw = await People.AddPersonAsync(new PersonInput("David Shaw", null), Secretariat);
        var singer = await People.AddPersonAsync(new PersonInput("Chris Singer", null), Secretariat);
        await People.AddHoldingAsync(new HoldingInput(shaw.Id, "dcc", new DateOnly(2014, 1, 1)), Secretariat);

        var clash = await Assert.ThrowsAsync<DomainException>(() => People.AddHoldingAsync(new HoldingInput(singer.Id, "DCC", new DateOnly(2016, 11, 1)), Secretariat));
        Assert.Contains("David Shaw holds DCC", clash.Message);

        var temporary = await People.AddHoldingAsync(new HoldingInput(singer.Id, "DCC", new DateOnly(2016, 11, 1), Temporary: true), Secretariat);
        Assert.True(temporary.Temporary);
        Assert.Equal(2, (await People.RolesAsync(new DateOnly(2017, 1, 31))).Single(r => r.Code == "DCC").Holders.Count);
    }

    [Fact]
    public async Task Ending_a_holding_leaves_the_role_vacant_from_the_next_day()
    {
        var shaw = await People.AddPersonAsync(new PersonInput("David Shaw", null), Secretariat);
        var holding = await People.AddHoldingAsync(new HoldingInput(shaw.Id, "DCC", new DateOnly(2014, 1, 1)), Secretariat);

        await Assert.ThrowsAsync<DomainException>(() => People.EndHoldingAsync(holding.Id, new DateOnly(2013, 12, 31), Secretariat));
        await People.EndHoldingAsync(holding.Id, new DateOnly(2016, 10, 31), Secretariat);

        Assert.False((await People.RolesAsync(new DateOnly(2016, 10, 31))).Single(r => r.Code == "DCC").Vacant);
        var roles = await People.RolesAsync(new DateOnly(2016, 11, 1));
        Assert.True(roles.Single(r => r.Code == "DCC").Vacant);
        Assert.Equal(4, roles.Count(r => r.Vacant));
        Assert.Equal(new DateOnly(2016, 10, 31), (await People.PeopleAsync()).Single().Holdings.Single().To);
    }

    [Fact]
    public async Task A_holding_must_end_after_it_starts_and_name_a_known_role()
    {
        var shaw = await People.AddPersonAsync(new PersonInput("David Shaw", null), Secretariat);
        await Assert.ThrowsAsync<DomainException>(() => People.AddHoldingAsync(new HoldingInput(shaw.Id, "DCC", new DateOnly(2017, 1, 1), new DateOnly(2016, 1, 1)), Secretariat));
        Assert.Contains("no role XYZ", (await Assert.ThrowsAsync<DomainException>(() => People.AddHoldingAsync(new HoldingInput(shaw.Id, "xyz", new DateOnly(2017, 1, 1)), Secretariat))).Message);
    }
}
