using HoldingToAccount.Core;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Tests.TestData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Tests.Reminders;

[Needs(Need.Database)]
public sealed class SweepScheduleTests
{
    [Theory]
    [InlineData("00:15:00", "*/15 * * * *")]
    [InlineData("00:01:00", "* * * * *")]
    [InlineData("00:05:00", "*/5 * * * *")]
    [InlineData("00:30:00", "*/30 * * * *")]
    [InlineData("01:00:00", "0 * * * *")]
    [InlineData("02:00:00", "0 */2 * * *")]
    [InlineData("1.00:00:00", "0 0 * * *")]
    public void The_sweep_interval_becomes_the_cron_the_job_server_runs(string interval, string cron) =>
        Assert.Equal(cron, SweepSchedule.Cron(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("00:07:00")]
    [InlineData("00:45:00")]
    [InlineData("00:15:30")]
    [InlineData("05:00:00")]
    [InlineData("2.00:00:00")]
    [InlineData("00:00:30")]
    public void An_interval_cron_cannot_express_is_refused_with_the_intervals_that_work(string interval)
    {
        var problem = SweepSchedule.Problem(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotNull(problem);
        Assert.Contains($"Reminders:SweepInterval {interval} cannot be a schedule", problem, StringComparison.Ordinal);
        Assert.Contains("15, 20, 30 minutes", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(15, 2017, 2, 18, 8, 7, 8, 15)]
    [InlineData(15, 2017, 2, 18, 8, 15, 8, 30)]
    [InlineData(15, 2017, 7, 18, 8, 50, 9, 0)]
    [InlineData(120, 2017, 7, 18, 8, 50, 10, 0)]
    [InlineData(120, 2017, 7, 18, 23, 10, 0, 0)]
    public void The_next_sweep_is_the_next_time_the_schedule_fires_on_the_London_clock(int minutes, int year, int month, int day, int hour, int minute, int nextHour, int nextMinute)
    {
        var now = London.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, minute));

        var next = SweepSchedule.NextRun(TimeSpan.FromMinutes(minutes), now);

        var local = TimeZoneInfo.ConvertTime(next, London.Zone);
        Assert.Equal((nextHour, nextMinute, 0), (local.Hour, local.Minute, local.Second));
        Assert.True(next > now);
        Assert.True(next - now <= TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData(15, "15 minutes")]
    [InlineData(1, "minute")]
    [InlineData(60, "hour")]
    [InlineData(120, "2 hours")]
    [InlineData(1440, "day")]
    public void The_outbox_says_how_often_the_sweep_runs_in_words(int minutes, string words) =>
        Assert.Equal(words, SweepSchedule.Describe(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public async Task The_app_refuses_to_start_with_a_sweep_interval_cron_cannot_express()
    {
        await using var store = await ScratchDatabase.CreateAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(store.Configuration);
        builder.Configuration["Reminders:SweepInterval"] = "00:07:00";
        builder.Services.AddCore(builder.Configuration);
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Reminders:SweepInterval 00:07:00 cannot be a schedule", refused.Message, StringComparison.Ordinal);
    }
}
