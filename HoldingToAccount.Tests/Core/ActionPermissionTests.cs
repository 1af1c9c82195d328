using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.People;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

[Needs(Need.Database)]
public sealed class ActionPermissionTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ActionRow _ccAction = null!;
    private int _cc, _formerCc;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var register = await RegisterBuilder.CreateAsync(_database);
        await using (var db = await _database.CreateContextAsync())
        {
            var role = db.Roles.Single(r => r.Code == "CC");
            var former = db.AddHolder(role, "Former Chief", new DateOnly(2010, 1, 1), new DateOnly(2016, 1, 1));
            var current = db.AddHolder(role, "Anthony Bangham", new DateOnly(2016, 1, 2));
            await db.SaveChangesAsync();
            (_cc, _formerCc) = (current.PersonId, former.PersonId);
        }
        var jan = await register.MeetingAsync(new DateOnly(2017, 1, 31));
        _ccAction = await register.ActionAsync(jan, "Burglary update", "to the February meeting");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ActionService Actions => _database.Get<ActionService>();

    [Fact]
    public async Task An_officer_holding_the_owning_role_today_may_post_an_update_and_propose_completion()
    {
        var officer = new Actor("Anthony Bangham", AccessLevel.Officer, _cc);
        await Actions.AddUpdateAsync(_ccAction.Reference, null, "Standard drafted", ActionStatus.ProposedComplete, officer);
        Assert.Equal(ActionStatus.ProposedComplete, (await Actions.GetAsync(_ccAction.Reference))!.Action.Status);
    }

    [Fact]
    public async Task A_staff_officer_may_act_for_the_roles_their_profile_names()
    {
        var staffOfficer = new Actor("Jamie Rowe", AccessLevel.Officer, null, ["cc"]);
        await Actions.AddUpdateAsync(_ccAction.Reference, null, "On behalf of the CC", null, staffOfficer);
        Assert.Equal("Jamie Rowe", (await Actions.GetAsync(_ccAction.Reference))!.Updates.Single().Author);
    }

    [Fact]
    public async Task An_officer_who_no_longer_holds_the_role_is_refused_and_nothing_is_written()
    {
        var former = new Actor("Former Chief", AccessLevel.Officer, _formerCc);
        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => Actions.AddUpdateAsync(_ccAction.Reference, null, "Sneaky", null, former));
        Assert.Contains("role you do not hold today", ex.Message, StringComparison.Ordinal);
        Assert.Empty((await Actions.GetAsync(_ccAction.Reference))!.Updates);
    }

    [Fact]
    public async Task Viewers_cannot_update_and_officers_cannot_close_or_raise()
    {
        var viewer = new Actor("Viewer", AccessLevel.Viewer);
        var officer = new Actor("Anthony Bangham", AccessLevel.Officer, _cc);
        await Assert.ThrowsAsync<ForbiddenException>(() => Actions.AddUpdateAsync(_ccAction.Reference, null, "x", null, viewer));
        await Assert.ThrowsAsync<ForbiddenException>(() => Actions.CloseAsync(_ccAction.Reference, _ccAction.Version, null, "done", officer));
        await Assert.ThrowsAsync<ForbiddenException>(() => Actions.RaiseAsync(new NewAction(_ccAction.RaisedAt.Id, "New", ["CC"]), officer));
        var detail = (await Actions.GetAsync(_ccAction.Reference))!;
        Assert.Equal(ActionStatus.Open, detail.Action.Status);
        Assert.Empty(detail.Updates);
    }

    [Fact]
    public async Task An_update_cannot_close_an_action()
    {
        var chair = new Actor("John Campion", AccessLevel.Chair);
        await Assert.ThrowsAsync<DomainException>(() => Actions.AddUpdateAsync(_ccAction.Reference, null, "x", ActionStatus.Closed, chair));
    }
}
