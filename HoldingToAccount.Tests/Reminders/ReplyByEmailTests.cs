using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Core.Reminders.Replies;
using HoldingToAccount.Tests.Mail;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>
/// Updating an action by replying to its reminder, end to end: the digest goes out through a real SMTP server, the
/// officer's reply is delivered into a real IMAP mailbox (Dovecot on loopback), the reader records it, and the answer
/// to the sender arrives through the SMTP server again.
/// </summary>
[Needs(Need.Database, Need.Smtp, Need.Imap)]
public sealed class ReplyByEmailTests
{
    private static readonly DateTimeOffset Start = new(2017, 2, 1, 9, 0, 0, TimeSpan.Zero);
    private const string Officer = "anthony.bangham@example.org";

    [Fact]
    public async Task A_reply_with_two_updates_is_recorded_once_by_email_however_often_the_mailbox_is_read()
    {
        await using var s = await ScenarioAsync();
        var reply = Reply(s.Digest, Officer, """
            2017/01: Minimum standard agreed at COG on 14 February.
            2017/02 - Burglary figures reviewed with the LPA commanders, complete

            Regards
            Anthony
            """);
        await s.Imap.DeliverAsync(reply);

        var first = await s.Reader.RunAsync();
        var second = await s.Reader.RunAsync();
        await s.Imap.DeliverAsync(reply);
        var third = await s.Reader.RunAsync();

        Assert.Equal((1, 0, 0), (first.Recorded, first.Refused, first.AlreadyHandled));
        Assert.Equal((0, 0, 0), (second.Recorded, second.Refused, second.AlreadyHandled));
        Assert.Equal((0, 0, 1), (third.Recorded, third.Refused, third.AlreadyHandled));
        var updates = await EmailedUpdatesAsync(s.Harness);
        Assert.Equal(
            [("2017/01", "Minimum standard agreed at COG on 14 February.", "Anthony Bangham", (ActionStatus?)null),
             ("2017/02", "Burglary figures reviewed with the LPA commanders", "Anthony Bangham", ActionStatus.ProposedComplete)],
            updates);
        var actions = s.Harness.Get<ActionService>();
        var minimumStandard = (await actions.GetAsync("2017/01"))!;
        Assert.Equal(ActionStatus.UpdateProvided, minimumStandard.Action.Status);
        Assert.Equal("Anthony Bangham, by e-mail", minimumStandard.Action.LatestUpdate!.PostedBy); // as the history and My actions show it
        Assert.Equal(ActionStatus.ProposedComplete, (await actions.GetAsync("2017/02"))!.Action.Status);
        Assert.Equal([reply.MessageId!, reply.MessageId!], await s.Imap.MessageIdsAsync("Processed"));
        Assert.Empty(await s.Imap.MessageIdsAsync("INBOX"));

        var receipt = Assert.Single(await ReceiptsAsync(s, 1));
        Assert.Equal(Officer, receipt.To.Mailboxes.Single().Address);
        Assert.Equal("Updates recorded: 2017/01, 2017/02", receipt.Subject);
        Assert.Contains("2 updates recorded: 2017/01, 2017/02.", receipt.TextBody);
        Assert.Contains("2017/02 (proposed complete): Burglary figures reviewed", receipt.TextBody);
    }

    [Fact]
    public async Task The_reminder_invites_a_reply_to_an_address_carrying_its_own_signed_token()
    {
        await using var s = await ScenarioAsync();

        var replyTo = Assert.Single(s.Digest.ReplyTo.Mailboxes).Address;
        var delivery = (await s.Harness.DeliveriesAsync()).Single(d => d.Kind == ReminderKind.MeetingDigest);
        Assert.Equal($"updates+{delivery.ReplyToken}@example.org", replyTo);
        Assert.Contains(ReplyInvitation.Instructions, s.Digest.TextBody);
        Assert.Contains("Reply to this e-mail to post an update: one line starting with the reference, e.g. `2017/01: Minimum standard agreed at COG`. Add `complete` to propose completion.",
            s.Digest.HtmlBody);
        Assert.Contains($"Reply reference: hta-{delivery.ReplyToken}", s.Digest.TextBody);
        Assert.Equal(new ReplyTokenClaim(delivery.Id, new DateOnly(2017, 4, 19)), s.Harness.Get<ReplyTokens>().Read(delivery.ReplyToken));
        var forged = delivery.ReplyToken![..^1] + (delivery.ReplyToken[^1] == 'a' ? 'b' : 'a');
        Assert.Null(s.Harness.Get<ReplyTokens>().Read(forged));
    }

    [Fact]
    public async Task A_reply_from_an_address_the_reminder_was_not_sent_to_is_refused_and_changes_nothing()
    {
        await using var s = await ScenarioAsync();
        var before = await StateAsync(s.Harness);
        var spoofed = Reply(s.Digest, "someone.else@example.net", "2017/01: Closed, nothing more to do. complete");

        await s.Imap.DeliverAsync(spoofed);
        var run = await s.Reader.RunAsync();

        Assert.Equal(1, run.Refused);
        Assert.Equal(before, await StateAsync(s.Harness));
        Assert.Equal([spoofed.MessageId!], await s.Imap.MessageIdsAsync("Refused"));
        var refusal = Assert.Single(await ReceiptsAsync(s, 1));
        Assert.Equal("someone.else@example.net", refusal.To.Mailboxes.Single().Address);
        Assert.Equal("Your e-mailed update was not recorded", refusal.Subject);
        Assert.Contains("not the address the message you replied to was sent to", refusal.TextBody);
        Assert.Contains("Nothing has been changed in the register.", refusal.TextBody);
    }

    [Fact]
    public async Task A_reply_after_its_token_has_expired_is_refused_and_changes_nothing()
    {
        await using var s = await ScenarioAsync();
        var before = await StateAsync(s.Harness);
        s.Harness.At(2017, 4, 20, 9, 0);

        await s.Imap.DeliverAsync(Reply(s.Digest, Officer, "2017/01: Minimum standard agreed at COG."));
        await s.Reader.RunAsync();

        Assert.Equal(before, await StateAsync(s.Harness));
        var refusal = Assert.Single(await ReceiptsAsync(s, 1));
        Assert.Contains("its reply reference has expired", refusal.TextBody);
        Assert.Contains("Nothing has been changed in the register.", refusal.TextBody);
    }

    [Fact]
    public async Task A_reply_that_updates_a_closed_action_is_refused_whole_and_changes_nothing()
    {
        await using var s = await ScenarioAsync();
        var actions = s.Harness.Get<ActionService>();
        var closing = (await actions.GetAsync("2017/02"))!.Action;
        await actions.CloseAsync("2017/02", closing.Version, null, "Closed by the PCC.", RegisterBuilder.Secretariat);
        var before = await StateAsync(s.Harness);

        await s.Imap.DeliverAsync(Reply(s.Digest, Officer, """
            2017/01: Minimum standard agreed at COG.
            2017/02: Figures reviewed.
            """));
        await s.Reader.RunAsync();

        Assert.Equal(before, await StateAsync(s.Harness));
        var refusal = Assert.Single(await ReceiptsAsync(s, 1));
        Assert.Contains("Action 2017/02 is closed; it takes no more updates.", refusal.TextBody);
        Assert.Contains("Nothing has been changed in the register.", refusal.TextBody);
    }

    [Fact]
    public async Task A_reply_without_a_line_starting_with_a_reference_is_refused_and_changes_nothing()
    {
        await using var s = await ScenarioAsync();
        var before = await StateAsync(s.Harness);

        await s.Imap.DeliverAsync(Reply(s.Digest, Officer, """
            Thanks, I will get the team to look at these next week.

            Anthony
            """));
        await s.Reader.RunAsync();

        Assert.Equal(before, await StateAsync(s.Harness));
        var refusal = Assert.Single(await ReceiptsAsync(s, 1));
        Assert.Contains("No line of it starts with an action reference", refusal.TextBody);
    }

    [Fact]
    public async Task A_reply_sent_to_the_plain_address_is_matched_by_the_message_it_answers()
    {
        await using var s = await ScenarioAsync();
        var reply = Reply(s.Digest, Officer, "2017/01: Minimum standard agreed at COG.");
        reply.To.Clear();
        reply.To.Add(MailboxAddress.Parse("updates@example.org"));

        await s.Imap.DeliverAsync(reply);
        await s.Reader.RunAsync();

        Assert.Equal([("2017/01", "Minimum standard agreed at COG.", "Anthony Bangham", (ActionStatus?)null)], await EmailedUpdatesAsync(s.Harness));
    }

    [Fact]
    public async Task The_outbox_state_records_the_last_read_and_a_mailbox_that_cannot_be_read()
    {
        await using var s = await ScenarioAsync();
        await s.Reader.RunAsync();
        var read = await s.Harness.Get<InboundMailboxStatus>().GetAsync();
        Assert.True(read.On);
        Assert.NotNull(read.LastSuccessUtc);
        Assert.Null(read.LastError);

        await s.Imap.DisposeAsync();
        var failed = await s.Reader.RunAsync();

        Assert.NotNull(failed.Error);
        var state = await s.Harness.Get<InboundMailboxStatus>().GetAsync();
        Assert.Equal(failed.Error, state.LastError);
        Assert.Equal(read.LastSuccessUtc, state.LastSuccessUtc);
    }

    internal sealed class Scenario(ReminderHarness harness, DovecotServer imap, MimeMessage digest) : IAsyncDisposable
    {
        public ReminderHarness Harness { get; } = harness;
        public DovecotServer Imap { get; } = imap;
        public MimeMessage Digest { get; } = digest;
        public InboundMailboxReader Reader => Harness.Get<InboundMailboxReader>();

        public async ValueTask DisposeAsync()
        {
            await Harness.DisposeAsync();
            await Imap.DisposeAsync();
        }
    }

    /// <summary>CC owns 2017/01 and 2017/02, due at the February meeting; the digest of 18 February has gone to him.</summary>
    internal static async Task<Scenario> ScenarioAsync()
    {
        var imap = await DovecotServer.StartAsync();
        var harness = await ReminderHarness.CreateAsync(Start, settings: imap.Settings);
        var (jan, _) = await harness.JanuaryAndFebruaryAsync();
        await harness.Register.ActionAsync(jan, "Agree a minimum standard for investigating domestic burglary", "to the February meeting");
        await harness.Register.ActionAsync(jan, "Review the burglary figures with the LPA commanders", "to the February meeting");
        harness.At(2017, 2, 18, 8, 0);
        await harness.SweepAsync();
        var digest = Assert.Single(await harness.Smtp.WaitForAsync(1));
        return new Scenario(harness, imap, digest);
    }

    /// <summary>An Outlook-shaped reply: the new text, then Outlook's header block and the original, unquoted.</summary>
    internal static MimeMessage Reply(MimeMessage original, string from, string newText)
    {
        var reply = new MimeMessage();
        reply.From.Add(MailboxAddress.Parse(from));
        reply.To.Add(original.ReplyTo.Mailboxes.Single());
        reply.Subject = "RE: " + original.Subject;
        reply.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("outlook.example.org");
        reply.InReplyTo = original.MessageId;
        reply.References.Add(original.MessageId!);
        reply.Date = new DateTimeOffset(2017, 2, 20, 9, 15, 0, TimeSpan.Zero);
        reply.Body = new TextPart("plain")
        {
            Text = newText.ReplaceLineEndings("\r\n") + "\r\n\r\n"
                + "From: OPCC reminders <reminders@example.org>\r\n"
                + "Sent: 18 February 2017 08:00\r\n"
                + $"To: Anthony Bangham <{Officer}>\r\n"
                + $"Subject: {original.Subject}\r\n\r\n"
                + original.TextBody!.ReplaceLineEndings("\r\n"),
        };
        return reply;
    }

    private static async Task<List<(string Reference, string Text, string Author, ActionStatus? NewStatus)>> EmailedUpdatesAsync(ReminderHarness h)
    {
        await using var db = await h.Database.CreateContextAsync();
        return (await db.ActionUpdates.Where(u => u.Channel == UpdateChannel.Email).OrderBy(u => u.Id)
                .Join(db.Actions, u => u.ActionItemId, a => a.Id, (u, a) => new { a.Year, a.Sequence, u.Text, u.Author, u.NewStatus })
                .ToListAsync())
            .Select(u => (ActionReference.Format(u.Year, u.Sequence), u.Text, u.Author, u.NewStatus))
            .ToList();
    }

    /// <summary>Every update, status and version in the register, for "nothing changed".</summary>
    private static async Task<string> StateAsync(ReminderHarness h)
    {
        await using var db = await h.Database.CreateContextAsync();
        var actions = await db.Actions.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Status}:v{a.Version}:{a.Updates.Count}").ToListAsync();
        return string.Join(' ', actions) + $" audit:{await db.AuditEntries.CountAsync()}";
    }

    /// <summary>The answers sent back to repliers (every message after the digest), waiting for <paramref name="count"/>.</summary>
    private static async Task<IReadOnlyList<MimeMessage>> ReceiptsAsync(Scenario s, int count) =>
        (await s.Harness.Smtp.WaitForAsync(count + 1)).Skip(1).ToList();
}
