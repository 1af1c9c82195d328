using System.Diagnostics;
using System.Globalization;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Core.Reminders.Replies;
using HoldingToAccount.Tests.Mail;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>
/// The built Dashboard executable's <c>read-replies</c>, killed after it has read a reply from the real IMAP mailbox
/// and before it could record it, then run again: the reply's two updates are recorded once and its confirmation goes
/// once. No fault is injected into the product: the test holds the database's write lock (as a long write by another
/// process would), so the killed run can read the mailbox and the register but cannot commit, and it is killed once it
/// has said it read the reply. The child runs on the real clock, so the reminder is sent today for its token to be valid.
/// </summary>
[Needs(Need.Database, Need.Smtp, Need.Imap)]
public sealed class ReplyKillAndRestartTests
{
    private const string Officer = "anthony.bangham@example.org";

    [Fact]
    public async Task A_reply_read_by_a_run_killed_before_recording_it_is_recorded_once_by_the_next_run()
    {
        await using var imap = await DovecotServer.StartAsync();
        await using var h = await ReminderHarness.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero), settings: imap.Settings);
        var (jan, feb) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "Agree a minimum standard for investigating domestic burglary", "to the February meeting");
        await h.Register.ActionAsync(jan, "Review the burglary figures with the LPA commanders", "to the February meeting");
        var digest = await SendDigestTodayAsync(h, feb);
        var reply = ReplyByEmailTests.Reply(digest, Officer, """
            2017/01: Minimum standard agreed at COG.
            2017/02: Figures reviewed with the LPA commanders. complete
            """);
        await imap.DeliverAsync(reply);

        await using (var holder = await h.Database.CreateContextAsync())
        {
            await using var writeLock = await holder.Database.BeginTransactionAsync();
            await holder.Database.ExecuteSqlRawAsync(holder.Database.IsNpgsql()
                ? "LOCK TABLE \"InboundReplies\" IN EXCLUSIVE MODE"
                : "INSERT INTO \"InboundMailbox\" (\"Id\") VALUES (-1)");
            using var killed = Start(h, imap);
            var log = new System.Text.StringBuilder();
            killed.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            killed.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            killed.BeginOutputReadLine();
            killed.BeginErrorReadLine();
            Assert.True(await WaitUntilAsync(() => { lock (log) return log.ToString().Contains($"Read reply {reply.MessageId}", StringComparison.Ordinal); }),
                $"the run never read the reply: {log}");
            killed.Kill(entireProcessTree: true);
            await killed.WaitForExitAsync();
            await writeLock.RollbackAsync();
        }

        Assert.Empty(await EmailedUpdatesAsync(h));
        Assert.Equal([reply.MessageId!], await imap.MessageIdsAsync("INBOX"));

        using var again = Start(h, imap);
        var (exitCode, output, error) = await ReminderRunProcess.RunAsync(again);

        Assert.True(exitCode == 0, error);
        Assert.Contains("1 recorded, 0 refused, 0 handled before.", output);
        Assert.Equal(["2017/01", "2017/02"], await EmailedUpdatesAsync(h));
        Assert.Empty(await imap.MessageIdsAsync("INBOX"));
        Assert.Equal([reply.MessageId!], await imap.MessageIdsAsync("Processed"));
        var messages = await h.Smtp.WaitForAsync(2);
        var confirmation = Assert.Single(messages.Skip(1));
        Assert.Contains("2 updates recorded: 2017/01, 2017/02.", confirmation.TextBody);
    }

    /// <summary>The February digest to the CC, planned and sent today (by the real clock), as the sweep would.</summary>
    private static async Task<MimeMessage> SendDigestTodayAsync(ReminderHarness h, int meetingId)
    {
        h.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        int id;
        await using (var db = await h.Database.CreateContextAsync())
        {
            var person = await db.People.SingleAsync(p => p.Email == Officer);
            var delivery = new ReminderDelivery
            {
                Kind = ReminderKind.MeetingDigest,
                Recipient = Officer,
                RecipientName = person.Name,
                PersonId = person.Id,
                SubjectKey = ReminderDelivery.SubjectOfMeeting(meetingId),
                MeetingId = meetingId,
                PlannedFor = London.Today(h.Clock),
                RoleCodes = "CC",
                Status = ReminderStatus.Planned,
                CreatedAtUtc = h.Clock.GetUtcNow().UtcDateTime,
            };
            db.Add(delivery);
            await db.SaveChangesAsync();
            id = delivery.Id;
        }
        Assert.Equal(SendOutcome.Sent, await h.Get<ReminderSender>().SendAsync(id));
        return Assert.Single(await h.Smtp.WaitForAsync(1));
    }

    private static Process Start(ReminderHarness h, DovecotServer imap)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "HoldingToAccount.Dashboard.dll"), "read-replies"])
            start.ArgumentList.Add(arg);
        start.SetConfiguration(h.Database.Configuration);
        start.SetConfiguration(imap.Settings);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["App__PublicBaseUrl"] = ReminderHarness.BaseUrl;
        start.Environment["Email__Smtp__Host"] = "127.0.0.1";
        start.Environment["Email__Smtp__Port"] = h.Smtp.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["Email__Smtp__Security"] = "None";
        start.Environment["Email__Smtp__From"] = "OPCC reminders <reminders@example.org>";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static async Task<List<string>> EmailedUpdatesAsync(ReminderHarness h)
    {
        await using var db = await h.Database.CreateContextAsync();
        return (await db.ActionUpdates.Where(u => u.Channel == UpdateChannel.Email).OrderBy(u => u.Id)
                .Join(db.Actions, u => u.ActionItemId, a => a.Id, (u, a) => new { a.Year, a.Sequence })
                .ToListAsync())
            .Select(a => ActionReference.Format(a.Year, a.Sequence))
            .ToList();
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        return condition();
    }
}
