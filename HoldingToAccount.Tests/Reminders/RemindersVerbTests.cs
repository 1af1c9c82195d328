using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Reminders;

[Needs(Need.Database, Need.Smtp)]
[Collection(nameof(ConsoleCapture))]
public sealed class RemindersVerbTests
{
    [Fact]
    public async Task Preview_prints_what_would_go_and_run_sends_it_once()
    {
        await using var h = await ReminderHarness.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "An update on domestic burglary", "to the February meeting");
        var services = h.Services;

        var (previewExit, preview) = await RunAsync(services, "preview", "--as-of", "2017-02-18T08:00");
        Assert.Equal(0, previewExit);
        Assert.Contains("1 reminder due at Saturday 18 February 2017, 08:00 (London); nothing was written or sent.", preview);
        Assert.Contains("MeetingDigest   Anthony Bangham <anthony.bangham@example.org>  CC  Monthly Assurance Meeting February 2017", preview);
        Assert.Empty(await h.DeliveriesAsync());

        var (runExit, run) = await RunAsync(services, "run", "--as-of", "2017-02-18T08:00");
        Assert.Equal(0, runExit);
        Assert.Contains("1 newly planned; sent 1, already sent 0", run);
        var (againExit, again) = await RunAsync(services, "run", "--as-of", "2017-02-18T08:00");
        Assert.Equal(0, againExit);
        Assert.Contains("0 newly planned; sent 0, already sent 1", again);

        Assert.Single(await h.Smtp.WaitForAsync(1));
        Assert.Equal(ReminderStatus.Sent, Assert.Single(await h.DeliveriesAsync()).Status);
    }

    [Theory]
    [InlineData("launch")]
    [InlineData("preview", "--as-of", "tomorrow")]
    [InlineData("run", "--when", "2017-02-18T08:00")]
    public async Task Bad_arguments_exit_2(params string[] args)
    {
        var (exit, _) = await RunAsync(CommandLineRun.NoServices, args);
        Assert.Equal(2, exit);
    }

    /// <summary>Output and errors together, as a person at the terminal reads them.</summary>
    private static async Task<(int Exit, string Output)> RunAsync(IServiceProvider services, params string[] args)
    {
        var run = await CommandLineRun.RunAsync(services, ["reminders", .. args]);
        return (run.Code, run.Error + run.Output);
    }
}
