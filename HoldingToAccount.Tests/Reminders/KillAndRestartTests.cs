using System.Diagnostics;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Tests.Mail;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>
/// A batch of 200 digests sent by the built Dashboard executable (<c>reminders run</c>) to a real SMTP server, killed in
/// the middle of the batch and run again: every digest arrives exactly once. The server (flaky_smtp.SlowMailbox) holds
/// one message at the end of DATA and says so in a file, so the kill lands while that message is in flight — the
/// client has not had the reply, and the server drops the message when the connection goes. The one window no SMTP
/// client can close (the server said 250 and the process died before recording it) is not what this test is about:
/// there the reminder would go twice rather than never.
/// </summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class KillAndRestartTests
{
    private const int Owners = 200;
    private const int HeldMessage = 80;

    [Fact]
    public async Task A_batch_of_200_killed_in_the_middle_and_run_again_delivers_each_digest_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var register = await RegisterBuilder.CreateAsync(database);
        var emails = await AddOwnersAsync(database);
        var jan = await register.MeetingAsync(new DateOnly(2017, 1, 31));
        await register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        await register.ActionAsync(jan, "Every owner to report on their portfolio", "to the February meeting", owners: [.. emails.Keys]);
        await using var smtp = await SmtpSink.StartSlowAsync(delayMs: 5, holdAt: HeldMessage, holdMs: 60_000);

        // First run: killed while the server holds message 80.
        using (var first = Start(database, smtp))
        {
            var log = new System.Text.StringBuilder();
            first.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            first.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            first.BeginOutputReadLine();
            first.BeginErrorReadLine();
            await WaitUntilAsync(() => File.Exists(smtp.HoldingMarker) || first.HasExited);
            Assert.True(File.Exists(smtp.HoldingMarker), $"the batch never reached message {HeldMessage}: {log}");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var heldFor = await File.ReadAllTextAsync(smtp.HoldingMarker);
        Assert.True(await WaitUntilAsync(() => File.Exists(smtp.ReleasedMarker)), "the server never let go of the held message");
        Assert.Equal(HeldMessage - 1, smtp.Messages().Count);
        Assert.DoesNotContain(smtp.Messages(), m => m.Headers["X-RcptTo"] == heldFor);
        var afterKill = await StatusesAsync(database);
        Assert.Equal(HeldMessage - 1, afterKill.GetValueOrDefault(ReminderStatus.Sent));
        Assert.Equal(Owners - HeldMessage + 1, afterKill.GetValueOrDefault(ReminderStatus.Planned));

        // Run again at once: the in-flight digest is still held by the dead process's claim, the rest go.
        var second = await RunAsync(database, smtp);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains($"0 newly planned; sent {Owners - HeldMessage}, already sent {HeldMessage - 1}", second.Output);
        Assert.Contains("left planned 1", second.Output);

        // Once the claim has run out (Reminders:ClaimTimeout), the last one goes too. The claim is made to have run
        // out rather than waited for, so how long the runs take on a loaded machine does not matter.
        var held = Assert.Single(await DeliveriesAsync(database), d => d.Recipient == heldFor);
        Assert.True(held.ClaimedUntilUtc > DateTime.UtcNow, "the dead run's claim should still hold the in-flight digest");
        await using (var db = await database.CreateContextAsync())
            await db.Set<ReminderDelivery>().Where(d => d.Id == held.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntilUtc, DateTime.UtcNow.AddMinutes(-1)));
        var third = await RunAsync(database, smtp);
        Assert.Equal(0, third.ExitCode);
        Assert.Contains($"sent 1, already sent {Owners - 1}", third.Output);

        // Every run has exited, so every message the server acknowledged is in its mailbox, and the held one is gone.
        var perRecipient = smtp.Messages().GroupBy(m => m.Headers["X-RcptTo"] ?? "").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(emails.Values.Order(), perRecipient.Keys.Order());
        Assert.All(perRecipient, r => Assert.Equal(1, r.Value));
        var deliveries = await DeliveriesAsync(database);
        Assert.All(deliveries, d => Assert.Equal(ReminderStatus.Sent, d.Status));
        Assert.Equal(2, Assert.Single(deliveries, d => d.Recipient == heldFor).Attempts);
        Assert.All(deliveries.Where(d => d.Recipient != heldFor), d => Assert.Equal(1, d.Attempts));
    }

    /// <summary>Waits for the condition; the bound only stops a hung run, so it is generous for a loaded machine.</summary>
    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return condition();
    }

    private static async Task<List<ReminderDelivery>> DeliveriesAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Set<ReminderDelivery>().AsNoTracking().ToListAsync();
    }

    /// <summary>Roles O001…O200, each held by one person since 2016.</summary>
    private static async Task<Dictionary<string, string>> AddOwnersAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        var emails = new Dictionary<string, string>();
        for (var i = 1; i <= Owners; i++)
        {
            var code = $"O{i:000}";
            var email = $"owner{i:000}@example.org";
            db.AddHolder(new Role { Code = code, Title = $"Portfolio owner {i}" }, $"Owner {i:000}", new DateOnly(2016, 1, 1), email: email);
            emails[code] = email;
        }
        await db.SaveChangesAsync();
        return emails;
    }

    private static async Task<Dictionary<ReminderStatus, int>> StatusesAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        return (await db.Set<ReminderDelivery>().GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(g => g.Key, g => g.Count);
    }

    private static Process Start(TestDatabase database, SmtpSink smtp) =>
        ReminderRunProcess.Start(database, smtp, "2017-02-18T08:00", ("Reminders__ClaimTimeout", "01:00:00"));

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, SmtpSink smtp) =>
        ReminderRunProcess.RunAsync(Start(database, smtp));
}
