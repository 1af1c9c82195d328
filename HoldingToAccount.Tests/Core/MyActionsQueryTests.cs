using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

/// <summary>"My actions" over a real register: today is 1 February 2017, the January meeting has been held.</summary>
[Needs(Need.Database)]
public sealed class MyActionsQueryTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;
    private Actor _chiefConstable = null!;
    private int _feb;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
        var dec = await _register.MeetingAsync(new DateOnly(2016, 12, 20));
        var jan = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        _feb = await _register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        await _register.MeetingAsync(new DateOnly(2017, 3, 28), MeetingStatus.Planned);
        var holder = await _db.AddHolderAsync("CC", "Anthony Bangham", new DateOnly(2016, 1, 1));
        _chiefConstable = new Actor("Anthony Bangham", AccessLevel.Officer, holder.PersonId);

        await _register.ActionAsync(dec, "Burglary minimum standard", "to the January meeting");
        await _register.ActionAsync(jan, "Estates plan", "to the February meeting");
        await _register.ActionAsync(jan, "Custody review", "to the March meeting");
        await _register.ActionAsync(jan, "Vehicle crime review", "to the March meeting", owners: ["ACC"]);
        await _register.ActionAsync(jan, "Firearms licensing backlog", "to the February meeting");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionService Actions => _db.Get<ActionService>();

    [Fact]
    public async Task An_action_left_open_at_the_January_meeting_is_overdue_carried_once_and_due_now_at_February()
    {
        var view = await Actions.MyActionsAsync(_chiefConstable);

        Assert.Equal(["CC"], view.Roles);
        Assert.Equal([MyActionsGroupKind.DueAtNextMeeting, MyActionsGroupKind.Overdue, MyActionsGroupKind.Later], view.Groups.Select(g => g.Kind));
        Assert.Equal(_feb, view.Groups[0].Meeting!.Id);
        Assert.Equal(["Estates plan", "Firearms licensing backlog"], view.Groups[0].Actions.Select(a => a.Action.Text));
        var overdue = Assert.Single(view.Groups[1].Actions);
        Assert.Equal("Burglary minimum standard", overdue.Action.Text);
        Assert.Equal(_feb, overdue.DueNowAt!.Id);
        Assert.Equal(1, overdue.Action.TimesCarried);
        Assert.Equal("Custody review", Assert.Single(view.Groups[2].Actions).Action.Text);
        Assert.Equal(4, view.Count);
    }

    [Fact]
    public async Task A_link_to_an_action_closed_since_says_when_by_whom_and_why()
    {
        var estates = (await Actions.GetAsync("2017/01"))!.Action;
        await Actions.CloseAsync(estates.Reference, estates.Version, null, "Plan agreed by the estates board.", RegisterBuilder.Secretariat);

        var link = await Actions.MyActionLinkAsync(_chiefConstable, "2017-01");

        Assert.Equal(new MyActionLink(MyActionLinkKind.ClosedSince, "2017/01", ActionStatus.Closed, new DateOnly(2017, 2, 1),
            "Sam Carter", "Plan agreed by the estates board."), link with { Owners = null });
        Assert.Equal(["CC"], link.Owners);
        Assert.DoesNotContain((await Actions.MyActionsAsync(_chiefConstable)).Groups.SelectMany(g => g.Actions), a => a.Action.Reference == "2017/01");
    }

    [Fact]
    public async Task A_link_to_someone_elses_action_tells_only_who_owns_it_and_a_link_to_no_action_says_so()
    {
        var vehicle = await Actions.MyActionLinkAsync(_chiefConstable, "2017-03");
        Assert.Equal(MyActionLinkKind.NotYours, vehicle.Kind);
        Assert.Equal(["ACC"], vehicle.Owners);
        Assert.Null(vehicle.Note);

        Assert.Equal(MyActionLinkKind.Yours, (await Actions.MyActionLinkAsync(_chiefConstable, "2017-02")).Kind);
        Assert.Equal(MyActionLinkKind.NotFound, (await Actions.MyActionLinkAsync(_chiefConstable, "2099-01")).Kind);
        Assert.Equal(MyActionLinkKind.NotFound, (await Actions.MyActionLinkAsync(_chiefConstable, "not a reference")).Kind);
    }
}
