using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Tests.Mail;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>
/// A scheduled <c>reminders run</c> after one address was refused for good: the run that met the refusal says so and
/// exits 1; later runs do not keep failing for it (which would hide new trouble), but still point at the Outbox.
/// </summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class RefusedReminderRunTests
{
    [Fact]
    public async Task A_reminder_refused_for_good_fails_the_run_that_met_it_and_not_every_run_after()
    {
        await using var h = await ReminderHarness.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero), await SmtpSink.StartFlakyAsync(0, "john.campion@example.org"));
        var smtp = h.Smtp;
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "PCC/CC to agree the victim strategy", "to the February meeting", owners: ["PCC", "CC"]);
        var database = h.Database;

        var first = await ReminderRunProcess.RunAsync(ReminderRunProcess.Start(database, smtp, "2017-02-18T08:00"));
        Assert.True(first.ExitCode == 1, first.Output + first.Error);
        Assert.Contains("failed 1, left planned 0", first.Output);

        var second = await ReminderRunProcess.RunAsync(ReminderRunProcess.Start(database, smtp, "2017-02-18T09:00"));
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.Contains("failed 0, left planned 0", second.Output);
        Assert.Contains("1 refused for good by an earlier run: resend from the Outbox", second.Output);

        await using var db = await database.CreateContextAsync();
        var refused = await db.Set<ReminderDelivery>().SingleAsync(d => d.Recipient == "john.campion@example.org");
        Assert.Equal(ReminderStatus.Failed, refused.Status);
        Assert.Equal(1, refused.Attempts);
        Assert.Single(smtp.Messages(), m => m.Headers["X-RcptTo"] == "anthony.bangham@example.org");
    }
}
