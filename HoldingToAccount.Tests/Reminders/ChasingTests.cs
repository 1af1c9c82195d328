using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Core.Reminders.Chasing;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>
/// Chase now: the owners of actions due at the February meeting who have posted nothing since the January meeting
/// raised them are chased — each owner once per action per day, a vacant role's through the secretariat.
/// </summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class ChasingTests
{
    private static readonly DateTimeOffset Start = new(2017, 2, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Chair = new("John Campion", AccessLevel.Chair);

    private static async Task<(ReminderHarness H, int Feb, ActionRow Silent, ActionRow Updated, ActionRow Vacant)> FebruaryAsync()
    {
        var h = await ReminderHarness.CreateAsync(Start);
        var (jan, feb) = await h.JanuaryAndFebruaryAsync();
        var silent = await h.Register.ActionAsync(jan, "CC to report on response times", "to the February meeting", owners: ["CC"]);
        var updated = await h.Register.ActionAsync(jan, "DCC to brief on Athena", "to the February meeting", owners: ["DCC"]);
        var vacant = await h.Register.ActionAsync(jan, "ACC to review custody suites", "to the February meeting", owners: ["ACC"]);
        h.At(2017, 2, 10, 14, 0);
        await h.Get<ActionService>().AddUpdateAsync(updated.Reference, null, "Briefing drafted, with the DCC for sign-off.", null, RegisterBuilder.Secretariat);
        h.At(2017, 2, 20, 11, 0);
        return (h, feb, silent, updated, vacant);
    }

    [Fact]
    public async Task Owners_without_an_update_are_those_of_open_actions_due_at_the_meeting_with_nothing_posted_since_raised()
    {
        var (h, feb, silent, _, vacant) = await FebruaryAsync();
        await using var _ = h;

        var candidates = await h.Get<ChaseService>().WithoutUpdateAsync(feb);

        Assert.Equal([silent.Reference, vacant.Reference], candidates.Select(c => c.Action.Reference));
        Assert.All(candidates, c => Assert.False(c.ChasedToday));
        var figure = await h.Get<ChaseService>().UpdatesInTimeAsync(feb);
        Assert.Equal((1, 3), (figure!.InTime, figure.Due));
    }

    [Fact]
    public async Task Chasing_all_sends_each_owner_one_chase_per_action_with_the_note_and_not_again_the_same_day()
    {
        var (h, feb, silent, _, vacant) = await FebruaryAsync();
        await using var _ = h;
        var chase = h.Get<ChaseService>();
        var order = new ChaseOrder([silent.Id, vacant.Id], feb, "The PCC has asked for this before the meeting.");

        var preview = await chase.PreviewAsync(order);
        Assert.Equal(
            [("anthony.bangham@example.org", silent.Reference, ""), ("sam.carter@example.org", vacant.Reference, "ACC")],
            preview.Messages.Select(m => (m.Recipient, m.Reference, string.Join(' ', m.VacantRoles))).OrderBy(m => m.Recipient));
        Assert.Equal(2, preview.ToSend);
        Assert.Empty(await h.DeliveriesAsync());

        var outcome = await chase.SendAsync(order, RegisterBuilder.Secretariat);
        Assert.Equal(new ChaseOutcome(2, 0, 0), outcome);

        var messages = await h.Smtp.WaitForAsync(2);
        var toCc = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "anthony.bangham@example.org");
        Assert.Equal($"Update needed on action {silent.Reference} before the Monthly Assurance Meeting February 2017 on Tuesday 28 February 2017", toCc.Subject);
        Assert.Contains("A note from Sam Carter", toCc.TextBody);
        Assert.Contains("The PCC has asked for this before the meeting.", toCc.TextBody);
        Assert.Contains("CC to report on response times", toCc.TextBody);
        var toSecretariat = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "sam.carter@example.org");
        Assert.Contains("ACC was vacant", toSecretariat.TextBody);

        var again = await chase.SendAsync(order, RegisterBuilder.Secretariat);
        Assert.Equal(new ChaseOutcome(0, 2, 0), again);
        Assert.StartsWith("Already chased today", again.Describe());
        Assert.True((await chase.PreviewAsync(order)).Messages.All(m => m.AlreadyChasedToday));
        Assert.All(await chase.WithoutUpdateAsync(feb), c => Assert.True(c.ChasedToday));

        var rows = await h.DeliveriesAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(ReminderKind.Chase, r.Kind);
            Assert.Equal(ReminderStatus.Sent, r.Status);
            Assert.Equal("Sam Carter", r.RequestedBy);
            Assert.Equal(new DateOnly(2017, 2, 20), r.PlannedFor);
        });

        h.At(2017, 2, 21, 9, 0);
        Assert.Equal(new ChaseOutcome(2, 0, 0), await chase.SendAsync(order with { Note = null }, RegisterBuilder.Secretariat));
        Assert.Equal(4, (await h.DeliveriesAsync()).Count);
    }

    [Fact]
    public async Task A_chase_is_in_the_audit_trail_and_handles_the_chairs_request_to_chase()
    {
        var (h, feb, silent, _, _) = await FebruaryAsync();
        await using var _ = h;
        var chase = h.Get<ChaseService>();

        await chase.RequestAsync(silent.Id, feb, Chair);
        await chase.RequestAsync(silent.Id, feb, Chair);
        var request = Assert.Single(await chase.RequestsAtMeetingAsync(feb));
        Assert.Equal(("John Campion", silent.Reference), (request.RequestedBy, request.Reference));
        Assert.Equal(request.Id, (await chase.WithoutUpdateAsync(feb)).Single(c => c.Action.Id == silent.Id).Request?.Id);

        await Assert.ThrowsAsync<ForbiddenException>(() => chase.SendAsync(new ChaseOrder([silent.Id], feb), Chair));
        await chase.SendAsync(new ChaseOrder([silent.Id], feb), RegisterBuilder.Secretariat);

        Assert.Empty(await chase.RequestsAtMeetingAsync(feb));
        await using var db = await h.Database.CreateContextAsync();
        var audited = await db.AuditEntries.Where(e => e.EntityType == nameof(ChaseRequest)).OrderBy(e => e.Id).Select(e => new { e.Who, e.Change }).ToListAsync();
        Assert.Equal(("John Campion", "Added"), (audited[0].Who, audited[0].Change));
        Assert.Equal([("Sam Carter", "Added"), ("Sam Carter", "Modified")], audited.Skip(1).Select(a => (a.Who, a.Change)).Order());
    }

    [Fact]
    public async Task A_held_meeting_has_nobody_to_chase()
    {
        var (h, feb, _, _, _) = await FebruaryAsync();
        await using var _ = h;
        await using (var db = await h.Database.CreateContextAsync())
            await db.Meetings.Where(m => m.Id == feb).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MeetingStatus.Held));

        Assert.Empty(await h.Get<ChaseService>().WithoutUpdateAsync(feb));
    }
}
