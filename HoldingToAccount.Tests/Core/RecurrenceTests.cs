using HoldingToAccount.Core;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

[Needs(Need.Database)]
public sealed class RecurrenceTests
{
    [Theory]
    [InlineData("last Tuesday monthly 10:30", 2017, 1, "2017-01-31")]
    [InlineData("last Tuesday monthly 10:30", 2017, 2, "2017-02-28")]
    [InlineData("last Tuesday monthly 10:30", 2016, 6, "2016-06-28")]
    [InlineData("last Tuesday monthly 10:30", 2016, 7, "2016-07-26")]
    [InlineData("last Tuesday monthly 10:30", 2017, 4, "2017-04-25")]
    [InlineData("first Monday monthly 14:00", 2017, 5, "2017-05-01")]
    [InlineData("second Thursday monthly 9.30", 2017, 6, "2017-06-08")]
    public void Monthly_rules_give_the_dates_the_notes_announce(string rule, int year, int month, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Recurrence.Parse(rule).DateIn(year, month));
    }

    [Theory]
    [InlineData("every so often")]
    [InlineData("fifth Tuesday monthly 10:30")]
    [InlineData("last Tuesday monthly 25:00")]
    [InlineData("")]
    public void A_rule_it_does_not_understand_is_refused_with_an_example(string rule)
    {
        var ex = Assert.Throws<DomainException>(() => Recurrence.Parse(rule));
        Assert.Contains("last Tuesday monthly 10:30", ex.Message);
    }

    [Fact]
    public async Task Planning_a_year_ahead_adds_one_meeting_a_month_and_skips_months_that_have_one()
    {
        await using var db = await TestDatabase.CreateAsync();
        var register = await RegisterBuilder.CreateAsync(db);
        await register.MeetingAsync(new DateOnly(2017, 3, 21), MeetingStatus.Planned);
        var meetings = db.Get<MeetingService>();

        var planned = await meetings.PlanScheduleAsync(register.SeriesId, new DateOnly(2017, 2, 1), RegisterBuilder.Secretariat);

        Assert.Equal(11, planned);
        var all = await meetings.ListAsync(new DateOnly(2017, 2, 1), new DateOnly(2018, 1, 31));
        Assert.Equal(12, all.Count);
        Assert.Contains(all, m => m.Date == new DateOnly(2017, 2, 28) && m.StartTime == new TimeOnly(10, 30) && m.Venue == "PCC Conference Room");
        Assert.Equal(0, await meetings.PlanScheduleAsync(register.SeriesId, new DateOnly(2017, 2, 1), RegisterBuilder.Secretariat));
        Assert.Equal(new DateOnly(2017, 2, 28), (await meetings.NextAsync(new DateOnly(2017, 2, 1)))!.Date);
    }
}
