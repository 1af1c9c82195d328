using HoldingToAccount.Core.People;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Tests.Mail;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>
/// A run of digests sent by <see cref="ReminderSender.SendRunAsync"/>, each made ready while the one before is on the
/// wire, through a real SMTP server (aiosmtpd) over the register's real database. The slow server
/// (flaky_smtp.SlowMailbox) holds one message at the end of DATA, so a test can stop the run with a row in flight and
/// the next one made ready.
/// </summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class ReminderSendRunTests
{
    private static readonly DateTimeOffset Start = new(2017, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_run_sends_every_delivery_once_in_order_over_one_connection_and_records_each()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var ids = await DigestsAsync(h, extraOwners: 1);

        var outcomes = await RunAsync(h, ids);

        Assert.Equal(Enumerable.Repeat(SendOutcome.Sent, ids.Count), outcomes);
        var messages = await h.Smtp.WaitForAsync(ids.Count);
        Assert.Equal(ids, messages.Select(DeliveryOf));
        var rows = await RowsAsync(h, ids);
        Assert.All(rows, r =>
        {
            Assert.Equal(ReminderStatus.Sent, r.Status);
            Assert.Equal(1, r.Attempts);
            Assert.Null(r.ClaimedUntilUtc);
            Assert.NotNull(r.SentAtUtc);
            Assert.StartsWith("1 action due", r.Subject, StringComparison.Ordinal);
        });
        Assert.Equal(messages.Select(m => m.MessageId), rows.Select(r => r.MessageId));
        Assert.Equal(1, h.Get<SmtpEmailSender>().ConnectionsOpened);
    }

    [Fact]
    public async Task A_transient_failure_mid_run_leaves_the_failing_row_and_the_one_made_ready_after_it_planned_and_unclaimed()
    {
        var smtp = await SmtpSink.StartSlowAsync(delayMs: 0, holdAt: 3, holdMs: 60_000);
        await using var h = await ReminderHarness.CreateAsync(Start, smtp);
        var ids = await DigestsAsync(h, extraOwners: 1);
        Assert.Equal(5, ids.Count);

        var outcomes = new List<SendOutcome>();
        var run = Task.Run(async () =>
        {
            await foreach (var outcome in h.Get<ReminderSender>().SendRunAsync(ids, new DigestBatch()))
                outcomes.Add(outcome);
        });
        Assert.True(await WaitUntilAsync(() => Task.FromResult(File.Exists(smtp.HoldingMarker))), "the run never reached the third message");
        Assert.True(await WaitUntilAsync(async () => (await RowsAsync(h, [ids[3]]))[0].ClaimedUntilUtc is not null),
            "the fourth digest was not made ready while the third was on the wire");
        Assert.Equal(ids[..2], smtp.Messages().Select(DeliveryOf));
        await smtp.DisposeAsync(); // the server goes away with the third message unanswered

        await Assert.ThrowsAsync<TransientEmailException>(() => run);
        Assert.Equal([SendOutcome.Sent, SendOutcome.Sent], outcomes);
        var rows = await RowsAsync(h, ids);
        Assert.All(rows[..2], r => Assert.Equal(ReminderStatus.Sent, r.Status));
        Assert.All(rows[2..], r =>
        {
            Assert.Equal(ReminderStatus.Planned, r.Status);
            Assert.Null(r.ClaimedUntilUtc);
        });
        Assert.Equal(1, rows[2].Attempts);
        Assert.NotNull(rows[2].Reason);
        Assert.All(rows[3..], r =>
        {
            Assert.Equal(0, r.Attempts);
            Assert.Null(r.LastAttemptUtc);
            Assert.Null(r.Reason);
        });
    }

    [Fact]
    public async Task A_cancelled_run_leaves_nothing_claimed()
    {
        var smtp = await SmtpSink.StartSlowAsync(delayMs: 0, holdAt: 2, holdMs: 60_000);
        await using var h = await ReminderHarness.CreateAsync(Start, smtp);
        var ids = await DigestsAsync(h, extraOwners: 0);
        using var cancel = new CancellationTokenSource();

        var run = Task.Run(async () =>
        {
            await foreach (var _ in h.Get<ReminderSender>().SendRunAsync(ids, new DigestBatch(), cancel.Token))
            {
            }
        });
        Assert.True(await WaitUntilAsync(() => Task.FromResult(File.Exists(smtp.HoldingMarker))), "the run never reached the second message");
        Assert.True(await WaitUntilAsync(async () => (await RowsAsync(h, [ids[2]]))[0].ClaimedUntilUtc is not null),
            "the third digest was not made ready while the second was on the wire");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var rows = await RowsAsync(h, ids);
        Assert.Equal(ReminderStatus.Sent, rows[0].Status);
        Assert.All(rows, r => Assert.Null(r.ClaimedUntilUtc));
        Assert.All(rows[1..], r => Assert.Equal(ReminderStatus.Planned, r.Status));
    }

    [Fact]
    public async Task A_row_already_sent_before_the_run_or_earlier_in_it_is_not_sent_again()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var ids = await DigestsAsync(h, extraOwners: 0);
        var (a, b, c) = (ids[0], ids[1], ids[2]);
        Assert.Equal(SendOutcome.Sent, await h.Get<ReminderSender>().SendAsync(c));

        var outcomes = await RunAsync(h, [a, a, b, c, b]);

        Assert.Equal([SendOutcome.Sent, SendOutcome.AlreadySent, SendOutcome.Sent, SendOutcome.AlreadySent, SendOutcome.AlreadySent], outcomes);
        var messages = await h.Smtp.WaitForAsync(4, TimeSpan.FromSeconds(2));
        Assert.Equal([c, a, b], messages.Select(DeliveryOf));
        Assert.All(await RowsAsync(h, [a, b, c]), r =>
        {
            Assert.Equal(ReminderStatus.Sent, r.Status);
            Assert.Equal(1, r.Attempts);
        });
    }

    [Fact]
    public async Task The_direct_queue_goes_on_past_a_deferred_row_and_the_row_made_ready_meanwhile_counts_one_attempt()
    {
        await using var h = await ReminderHarness.CreateAsync(Start, await SmtpSink.StartFlakyAsync(deferFirst: 1));
        var ids = await DigestsAsync(h, extraOwners: 0);

        await Assert.IsType<DirectReminderQueue>(h.Get<IReminderQueue>()).EnqueueAsync(ids);

        var rows = await RowsAsync(h, ids);
        Assert.Equal([ReminderStatus.Planned, ReminderStatus.Sent, ReminderStatus.Sent, ReminderStatus.Sent], rows.Select(r => r.Status));
        Assert.Null(rows[0].ClaimedUntilUtc);
        Assert.Contains("451", rows[0].Reason, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        Assert.Equal(ids[1..], (await h.Smtp.WaitForAsync(3)).Select(DeliveryOf));
    }

    /// <summary>One action due at the February meeting owned by PCC, CC, DCC, the vacant ACC (so the secretariat) and
    /// <paramref name="extraOwners"/> more roles: a digest each, planned 10 days before. Their ids, in planned order.</summary>
    private static async Task<List<int>> DigestsAsync(ReminderHarness h, int extraOwners)
    {
        var extra = new List<string>();
        await using (var db = await h.Database.CreateContextAsync())
        {
            for (var i = 1; i <= extraOwners; i++)
            {
                var code = $"O{i:00}";
                db.AddHolder(new Role { Code = code, Title = $"Portfolio owner {i}" }, $"Owner {i:00}", new DateOnly(2016, 1, 1), email: $"owner{i:00}@example.org");
                extra.Add(code);
            }
            await db.SaveChangesAsync();
        }
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "Every owner to report on their portfolio", "to the February meeting", owners: ["PCC", "CC", "DCC", "ACC", .. extra]);
        h.At(2017, 2, 18, 8, 0);
        var plan = await h.Get<ReminderPlanner>().PlanAsync(h.Clock.GetUtcNow());
        Assert.Equal(4 + extraOwners, plan.CreatedIds.Count);
        return [.. plan.CreatedIds.Order()];
    }

    private static async Task<List<SendOutcome>> RunAsync(ReminderHarness h, IReadOnlyList<int> ids)
    {
        var outcomes = new List<SendOutcome>();
        await foreach (var outcome in h.Get<ReminderSender>().SendRunAsync(ids, new DigestBatch()))
            outcomes.Add(outcome);
        return outcomes;
    }

    private static async Task<List<ReminderDelivery>> RowsAsync(ReminderHarness h, IReadOnlyList<int> ids)
    {
        await using var db = await h.Database.CreateContextAsync();
        var rows = await db.Set<ReminderDelivery>().AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id);
        return [.. ids.Select(id => rows[id])];
    }

    private static int DeliveryOf(MimeKit.MimeMessage message) =>
        int.Parse(message.Headers["X-HTA-Delivery"] ?? "", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits for the condition; the bound only stops a hung run, so it is generous for a loaded machine.</summary>
    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!await condition() && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return await condition();
    }
}
