using HoldingToAccount.Core;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>
/// The sweep run every 15 minutes on a fake clock across the 2026 clock changes (29 March, 25 October): the 08:00
/// London morning reminder goes once a day, at 08:00 local, on the short day and the long day alike.
/// </summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class ClockChangeTests
{
    [Theory]
    [InlineData("2026-02-24", "2026-04-02", "2026-03-26T00:00:00Z", "2026-03-31T12:00:00Z", new[] { "2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30" })]
    [InlineData("2026-09-29", "2026-10-29", "2026-10-22T00:00:00Z", "2026-10-28T00:00:00Z", new[] { "2026-10-24", "2026-10-25", "2026-10-26", "2026-10-27" })]
    public async Task The_0800_London_digest_goes_once_per_day_at_0800_local_across_the_clock_change(
        string held, string planned, string from, string to, string[] expectedDays)
    {
        var start = DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture);
        var meetingDate = DateOnly.Parse(planned, System.Globalization.CultureInfo.InvariantCulture);
        var days = expectedDays.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var settings = days.Select((d, i) => new KeyValuePair<string, string?>($"Reminders:DigestDaysBefore:{i}", (meetingDate.DayNumber - d.DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary();
        await using var h = await ReminderHarness.CreateAsync(start, settings: settings);
        var raised = await h.Register.MeetingAsync(DateOnly.Parse(held, System.Globalization.CultureInfo.InvariantCulture));
        await h.Register.MeetingAsync(meetingDate, MeetingStatus.Planned);
        await h.Register.ActionAsync(raised, "CC to report on the force control room", "next meeting");

        for (var now = start; now <= end; now += TimeSpan.FromMinutes(15))
        {
            h.Clock.SetUtcNow(now);
            await h.SweepAsync();
        }

        var deliveries = await h.DeliveriesAsync();
        Assert.Equal(days, deliveries.Select(d => d.PlannedFor));
        Assert.All(deliveries, d =>
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(d.CreatedAtUtc, DateTimeKind.Utc), London.Zone);
            Assert.Equal(d.PlannedFor, DateOnly.FromDateTime(local));
            Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(local));
            Assert.Equal(ReminderStatus.Sent, d.Status);
        });
        var offsets = deliveries.Select(d => London.Zone.GetUtcOffset(d.CreatedAtUtc).TotalHours).ToList();
        Assert.Contains(0, offsets);
        Assert.Contains(1, offsets);
        Assert.Equal(days.Count, (await h.Smtp.WaitForAsync(days.Count)).Count);
    }
}
