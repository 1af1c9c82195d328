using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

[Needs(Need.Database)]
public sealed class RegisterSearchTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;
    private int _jan, _feb, _mar;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 4, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
        _jan = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        _feb = await _register.MeetingAsync(new DateOnly(2017, 2, 28));
        _mar = await _register.MeetingAsync(new DateOnly(2017, 3, 28));
        await _register.MeetingAsync(new DateOnly(2017, 4, 25), MeetingStatus.Planned);
        await _register.ActionAsync(_jan, "Carried twice", "to the February meeting");
        await _register.ActionAsync(_jan, "ACC item", "to the April meeting", owners: ["ACC"]);
        await _register.ActionAsync(_feb, "Carried once", "to the March meeting");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionService Actions => _db.Get<ActionService>();

    [Fact]
    public async Task Carried_at_least_N_times_uses_the_same_count_the_rows_show()
    {
        var page = await Actions.SearchAsync(new RegisterQuery(MinTimesCarried: 2));
        var row = Assert.Single(page.Items);
        Assert.Equal("Carried twice", row.Text);
        Assert.Equal(2, row.TimesCarried);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task Overdue_owner_raised_between_and_due_meeting_filters_combine()
    {
        Assert.Equal(["Carried once", "Carried twice"], (await Actions.SearchAsync(new RegisterQuery(OverdueOnly: true))).Items.Select(a => a.Text).Order());
        Assert.Equal(["ACC item"], (await Actions.SearchAsync(new RegisterQuery(Owner: "acc"))).Items.Select(a => a.Text));
        Assert.Equal(["Carried once"], (await Actions.SearchAsync(new RegisterQuery(RaisedFrom: new DateOnly(2017, 2, 1)))).Items.Select(a => a.Text));
        Assert.Equal(["Carried once"], (await Actions.SearchAsync(new RegisterQuery(DueMeetingId: _mar))).Items.Select(a => a.Text));
    }

    [Fact]
    public async Task Sorting_by_times_carried_is_done_by_the_database()
    {
        var page = await Actions.SearchAsync(new RegisterQuery(Sort: RegisterSort.TimesCarried, Descending: true), 0, 2);
        Assert.Equal(["Carried twice", "Carried once"], page.Items.Select(a => a.Text));
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task Counts_by_owner_give_outstanding_overdue_and_carried_twice()
    {
        var counts = await Actions.CountsByOwnerAsync();
        Assert.Equal(new OwnerCounts("ACC", 1, 0, 0), counts.Single(c => c.Owner == "ACC"));
        Assert.Equal(new OwnerCounts("CC", 2, 2, 1), counts.Single(c => c.Owner == "CC"));
    }
}
