using Bunit;
using HoldingToAccount.Core.Reminders.Replies;
using HoldingToAccount.Dashboard.Components.Pages.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Components;

public sealed class InboundMailboxPanelTests : DashboardContext
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(Database.Get<InboundMailboxStatus>());
    }

    [Fact]
    public void With_no_reply_mailbox_the_outbox_says_updating_by_email_is_off_and_how_to_turn_it_on()
    {
        var cut = Render<InboundMailboxPanel>();

        cut.WaitForAssertion(() => Assert.Contains("Off. Reminders do not invite replies.", cut.Find("[data-testid=inbound-state]").TextContent));
        Assert.Contains("Email:Inbound:ReplyAddress", cut.Find("[data-testid=inbound-state]").TextContent);
        Assert.Equal("No replies have been read yet.", cut.Find("[data-testid=inbound-empty]").TextContent);
    }

    [Fact]
    public async Task The_outbox_lists_the_latest_replies_newest_first_with_what_came_of_each()
    {
        await using (var db = await Database.CreateContextAsync())
        {
            db.AddRange(
                new InboundReply
                {
                    MessageId = "a@example.org", From = "anthony.bangham@example.org", Subject = "RE: 2 actions due",
                    ReceivedAtUtc = new DateTime(2017, 2, 20, 9, 0, 0, DateTimeKind.Utc), ProcessedAtUtc = new DateTime(2017, 2, 20, 9, 5, 0, DateTimeKind.Utc),
                    Outcome = InboundOutcome.Recorded, Detail = "2017/01, 2017/02",
                },
                new InboundReply
                {
                    MessageId = "b@example.org", From = "someone@example.net", Subject = "RE: 2 actions due",
                    ReceivedAtUtc = new DateTime(2017, 2, 21, 9, 0, 0, DateTimeKind.Utc), ProcessedAtUtc = new DateTime(2017, 2, 21, 9, 5, 0, DateTimeKind.Utc),
                    Outcome = InboundOutcome.Refused, Detail = "It came from someone@example.net, which is not the address the message you replied to was sent to.",
                });
            await db.SaveChangesAsync();
        }

        var cut = Render<InboundMailboxPanel>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=inbound-reply]").Count));
        var rows = cut.FindAll("[data-testid=inbound-reply]");
        Assert.Contains("someone@example.net", rows[0].TextContent);
        Assert.Contains("Refused", rows[0].TextContent);
        Assert.Contains("anthony.bangham@example.org", rows[1].TextContent);
        Assert.Contains("Recorded", rows[1].TextContent);
        Assert.Contains("2017/01, 2017/02", rows[1].TextContent);
    }
}
