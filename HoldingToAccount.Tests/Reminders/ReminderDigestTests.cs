using AngleSharp.Html.Parser;
using HoldingToAccount.Core.Reminders;
using MimeKit;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>Digests before a meeting, delivered through a real SMTP server (aiosmtpd on loopback) and read back.</summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class ReminderDigestTests
{
    private static readonly DateTimeOffset Start = new(2017, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_digest_goes_10_and_3_days_before_the_meeting_at_0800_London_to_whoever_holds_the_role_that_day()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        var action = await h.Register.ActionAsync(jan, "An update on domestic burglary in North Worcestershire", "to be brought back to the February meeting");
        await h.HandOverAsync("CC", "Pat Acting", new DateOnly(2017, 2, 20), temporary: true);

        h.At(2017, 2, 18, 7, 45);
        Assert.Equal(0, (await h.SweepAsync()).Created);
        h.At(2017, 2, 18, 8, 0);
        Assert.Equal(1, (await h.SweepAsync()).Created);
        h.At(2017, 2, 19, 8, 0);
        Assert.Equal(0, (await h.SweepAsync()).Created);
        h.At(2017, 2, 25, 8, 0);
        Assert.Equal(1, (await h.SweepAsync()).Created);

        var messages = await h.Smtp.WaitForAsync(2);
        Assert.Equal(2, messages.Count);
        Assert.Equal(["anthony.bangham@example.org", "pat.acting@example.org"],
            messages.Select(m => m.To.Mailboxes.Single().Address));
        var first = messages[0];
        Assert.Equal("1 action due at the Monthly Assurance Meeting February 2017 on Tuesday 28 February 2017", first.Subject);
        Assert.Equal("reminders@example.org", first.From.Mailboxes.Single().Address);

        var text = first.TextBody;
        Assert.Contains("Tuesday 28 February 2017, 10:30", text);
        Assert.Contains("PCC Conference Room, Hindlip", text);
        Assert.Contains($"{action.Reference}  An update on domestic burglary in North Worcestershire", text);
        Assert.Contains("Times carried forward: 0", text);
        Assert.Contains("Latest update: none yet", text);
        Assert.Contains($"{ReminderHarness.BaseUrl}/my-actions?ref=2017-01", text);

        var html = new HtmlParser().ParseDocument(first.HtmlBody!);
        Assert.Equal("en-GB", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal("1 action due on 28 February", Assert.Single(html.QuerySelectorAll("h1")).TextContent);
        Assert.Contains(html.QuerySelectorAll("h2"), h => h.TextContent == "Your actions due at this meeting (1)");
        Assert.Contains(html.QuerySelectorAll("h3"), h => h.TextContent == "2017/01: An update on domestic burglary in North Worcestershire");
        var link = Assert.Single(html.QuerySelectorAll("a"), a => a.TextContent == "Post an update on 2017/01");
        Assert.Equal($"{ReminderHarness.BaseUrl}/my-actions?ref=2017-01", link.GetAttribute("href"));
        var status = Assert.Single(html.QuerySelectorAll("td"), td => td.TextContent == "Status");
        Assert.Equal("Open", status.NextElementSibling?.TextContent);
        Assert.Contains("font-weight:bold", status.GetAttribute("style"), StringComparison.Ordinal);
        Assert.DoesNotContain("font-weight:bold", status.NextElementSibling!.GetAttribute("style"), StringComparison.Ordinal);

        var ics = Assert.Single(first.Attachments.OfType<MimePart>());
        Assert.Equal("meeting.ics", ics.FileName);
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var calendar = System.Text.Encoding.UTF8.GetString(content.ToArray());
        Assert.Contains("DTSTART;TZID=Europe/London:20170228T103000\r\n", calendar);
        Assert.Contains("LOCATION:PCC Conference Room\\, Hindlip\r\n", calendar);

        Assert.Contains("holder of CC on Saturday 25 February 2017", messages[1].TextBody);
        Assert.All(await h.DeliveriesAsync(), d => Assert.Equal(ReminderStatus.Sent, d.Status));
    }

    [Fact]
    public async Task A_vacant_role_is_reminded_to_the_secretariat()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "ACC to report on the LPA review", "to the February meeting", owners: ["ACC"]);

        h.At(2017, 2, 18, 8, 0);
        await h.SweepAsync();

        var message = Assert.Single(await h.Smtp.WaitForAsync(1));
        Assert.Equal("sam.carter@example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains("ACC was vacant on Saturday 18 February 2017, so this comes to the secretariat", message.TextBody);
        Assert.Contains("ACC to report on the LPA review", message.TextBody);
        var delivery = Assert.Single(await h.DeliveriesAsync());
        Assert.Equal("ACC", delivery.VacantRoleCodes);
    }

    [Fact]
    public async Task Joint_owners_each_get_one_digest_and_a_holder_of_two_roles_gets_one_digest_with_both()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "PCC/CC to agree the victim strategy", "to the February meeting", owners: ["PCC", "CC"]);
        await h.Register.ActionAsync(jan, "CC to report on response times", "to the February meeting", owners: ["CC"]);
        await h.Register.ActionAsync(jan, "DCC to brief on Athena", "to the February meeting", owners: ["DCC"]);
        await h.HandOverAsync("DCC", "Anthony Bangham Acting", new DateOnly(2017, 2, 1));

        h.At(2017, 2, 18, 8, 0);
        await h.SweepAsync();

        var messages = await h.Smtp.WaitForAsync(3);
        Assert.Equal(3, messages.Count);
        var byRecipient = messages.ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.Equal(["anthony.bangham.acting@example.org", "anthony.bangham@example.org", "john.campion@example.org"], byRecipient.Keys.Order());
        Assert.Contains("PCC/CC to agree the victim strategy", byRecipient["john.campion@example.org"].TextBody);
        Assert.DoesNotContain("CC to report on response times", byRecipient["john.campion@example.org"].TextBody);
        var cc = byRecipient["anthony.bangham@example.org"];
        Assert.StartsWith("2 actions due", cc.Subject);
        Assert.Contains("PCC/CC to agree the victim strategy", cc.TextBody);
        Assert.Contains("CC to report on response times", cc.TextBody);
    }

    [Fact]
    public async Task Sweeping_again_and_again_sends_each_reminder_exactly_once()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "PCC/CC to agree the victim strategy", "to the February meeting", owners: ["PCC", "CC"]);

        h.At(2017, 2, 18, 8, 0);
        await h.SweepAsync();
        await h.SweepAsync();
        h.At(2017, 2, 18, 8, 15);
        await h.SweepAsync();
        h.At(2017, 2, 18, 19, 45);
        await h.SweepAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => h.SweepAsync()));
        foreach (var delivery in await h.DeliveriesAsync())
            Assert.Equal(SendOutcome.AlreadySent, await h.Get<ReminderSender>().SendAsync(delivery.Id));

        // Each row was handed to the server once (one attempt), and every sweep has returned, so every message the
        // server accepted is already in its mailbox.
        var deliveries = await h.DeliveriesAsync();
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((ReminderStatus.Sent, 1), (d.Status, d.Attempts)));
        var messages = h.Smtp.Messages();
        Assert.Equal(deliveries.Select(d => d.MessageId).Order(), messages.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Nothing_is_planned_for_a_closed_action_and_a_preview_writes_nothing()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "Open action", "to the February meeting");
        var closed = await h.Register.ActionAsync(jan, "Closed action", "to the February meeting", owners: ["PCC"]);
        await h.Database.Get<HoldingToAccount.Core.Actions.ActionService>()
            .CloseAsync(closed.Reference, closed.Version, null, "Done.", HoldingToAccount.Tests.TestData.RegisterBuilder.Secretariat);

        var preview = await h.Get<ReminderService>().PreviewAsync(HoldingToAccount.Core.London.ToInstant(new DateOnly(2017, 2, 18), new TimeOnly(8, 0)));

        var due = Assert.Single(preview.Due);
        Assert.Equal(ReminderKind.MeetingDigest, due.Kind);
        Assert.Equal("anthony.bangham@example.org", due.Recipient);
        Assert.Empty(await h.DeliveriesAsync());
    }
}
