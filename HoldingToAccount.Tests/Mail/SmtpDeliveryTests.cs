using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Tests.Reminders;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Mail;

/// <summary>
/// Transient and permanent SMTP failures against a real server: aiosmtpd with the flaky_smtp.py handler, which
/// answers 451 to the first messages and 550 to chosen recipients. Hangfire's retry is played by calling the send
/// job's body again (the Hangfire wiring itself is tested in JobsSetupTests).
/// </summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class SmtpDeliveryTests
{
    private static readonly DateTimeOffset Start = new(2017, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_451_then_an_accept_delivers_the_reminder_exactly_once()
    {
        await using var h = await ReminderHarness.CreateAsync(Start, await SmtpSink.StartFlakyAsync(deferFirst: 1));
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "CC to report on response times", "to the February meeting");
        h.At(2017, 2, 18, 8, 0);
        var plan = await h.Get<ReminderPlanner>().PlanAsync(h.Clock.GetUtcNow());
        var id = Assert.Single(plan.CreatedIds);
        var sender = h.Get<ReminderSender>();

        var deferred = await Assert.ThrowsAsync<TransientEmailException>(() => sender.SendAsync(id));
        Assert.Contains("451", deferred.Message);
        var afterFirst = Assert.Single(await h.DeliveriesAsync());
        Assert.Equal(ReminderStatus.Planned, afterFirst.Status);
        Assert.Null(afterFirst.ClaimedUntilUtc);
        Assert.Contains("451", afterFirst.Reason);

        Assert.Equal(SendOutcome.Sent, await sender.SendAsync(id));
        Assert.Equal(SendOutcome.AlreadySent, await sender.SendAsync(id));
        await h.SweepAsync();

        var message = Assert.Single(h.Smtp.Messages());
        Assert.Equal("anthony.bangham@example.org", message.To.Mailboxes.Single().Address);
        var sent = Assert.Single(await h.DeliveriesAsync());
        Assert.Equal(ReminderStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task A_recipient_refused_with_550_is_recorded_failed_with_the_reply_and_not_retried_while_others_still_go()
    {
        await using var h = await ReminderHarness.CreateAsync(Start, await SmtpSink.StartFlakyAsync(0, "john.campion@example.org"));
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "PCC/CC to agree the victim strategy", "to the February meeting", owners: ["PCC", "CC"]);
        await h.Register.ActionAsync(jan, "DCC to brief on Athena", "to the February meeting", owners: ["DCC"]);

        h.At(2017, 2, 18, 8, 0);
        await h.SweepAsync();
        h.At(2017, 2, 18, 9, 0);
        await h.SweepAsync();
        var failed = (await h.DeliveriesAsync()).Single(d => d.Recipient == "john.campion@example.org");
        Assert.Equal(SendOutcome.FailedBefore, await h.Get<ReminderSender>().SendAsync(failed.Id));

        var messages = await h.Smtp.WaitForAsync(2);
        Assert.Equal(["anthony.bangham@example.org", "chris.singer@example.org"], messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        var deliveries = await h.DeliveriesAsync();
        failed = deliveries.Single(d => d.Recipient == "john.campion@example.org");
        Assert.Equal(ReminderStatus.Failed, failed.Status);
        Assert.StartsWith("550", failed.Reason);
        Assert.Contains("Recipient address rejected", failed.Reason);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(2, deliveries.Count(d => d.Status == ReminderStatus.Sent));

        var outbox = await h.Get<ReminderService>().ListAsync(new OutboxFilter(ReminderStatus.Failed));
        Assert.Equal(failed.Id, Assert.Single(outbox.Items).Id);
    }

    [Fact]
    public async Task A_batch_goes_over_one_reused_connection()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "PCC/CC/DCC joint action", "to the February meeting", owners: ["PCC", "CC", "DCC", "ACC"]);

        h.At(2017, 2, 18, 8, 0);
        await h.SweepAsync();

        Assert.Equal(4, (await h.Smtp.WaitForAsync(4)).Count);
        Assert.Equal(1, h.Get<SmtpEmailSender>().ConnectionsOpened);
    }

    [Fact]
    public async Task No_server_listening_is_transient_and_leaves_the_reminder_planned()
    {
        var sink = await SmtpSink.StartAsync();
        await using var h = await ReminderHarness.CreateAsync(Start, sink);
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "CC to report", "to the February meeting");
        h.At(2017, 2, 18, 8, 0);
        var id = Assert.Single((await h.Get<ReminderPlanner>().PlanAsync(h.Clock.GetUtcNow())).CreatedIds);
        await sink.DisposeAsync(); // the server goes away: connection refused

        await Assert.ThrowsAsync<TransientEmailException>(() => h.Get<ReminderSender>().SendAsync(id));
        var row = Assert.Single(await h.DeliveriesAsync());
        Assert.Equal(ReminderStatus.Planned, row.Status);
        Assert.Contains("connect", row.Reason, StringComparison.OrdinalIgnoreCase);
    }
}
