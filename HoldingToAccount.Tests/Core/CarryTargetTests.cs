using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

[Needs(Need.Database)]
public sealed class CarryTargetTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;
    private int _jan, _feb, _mar, _apr;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 28, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
        _jan = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        _feb = await _register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        _mar = await _register.MeetingAsync(new DateOnly(2017, 3, 28), MeetingStatus.Planned);
        _apr = await _register.MeetingAsync(new DateOnly(2017, 4, 25), MeetingStatus.Planned);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionService Actions => _db.Get<ActionService>();

    [Fact]
    public async Task The_meeting_being_run_is_never_offered_as_the_meeting_to_carry_to()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");

        var targets = await Actions.CarryTargetsAsync(action.Reference, atMeetingId: _feb);

        Assert.Equal([_mar, _apr], targets.Select(m => m.Id));
    }

    [Fact]
    public async Task Run_ahead_of_its_date_a_meeting_still_offers_only_the_meetings_after_it()
    {
        var action = await _register.ActionAsync(_jan, "Estates plan", "to the March meeting");

        var targets = await Actions.CarryTargetsAsync(action.Reference, atMeetingId: _mar);

        Assert.Equal([_apr], targets.Select(m => m.Id));
    }
}
