using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Insights;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Core.Reminders.Chasing;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>
/// Escalation in the sweep: an action carried twice, or overdue by 28 days, goes to the holder of its owning role's
/// line and to the secretariat, once per threshold however often the sweep runs. DCC and ACC answer to CC, CC to PCC.
/// </summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class EscalationTests
{
    private static readonly DateTimeOffset Start = new(2017, 1, 31, 9, 0, 0, TimeSpan.Zero);

    /// <summary>January, February and March (28th) held; April planned. Raised in January: a DCC action due at the next
    /// meeting (carried at February and March; 28 days overdue from 29 March), a CC action due on 1 February (carried,
    /// and overdue by more than 28 days by March); raised in March, an ACC action not yet due.</summary>
    private static async Task<(ReminderHarness H, ActionRow Dcc, ActionRow Cc, ActionRow Acc)> SlippedAsync()
    {
        var h = await ReminderHarness.CreateAsync(Start);
        var jan = await h.Register.MeetingAsync(new DateOnly(2017, 1, 31));
        var dcc = await h.Register.ActionAsync(jan, "DCC to brief on Athena", "next meeting", owners: ["DCC"]);
        var cc = await h.Register.ActionAsync(jan, "CC to report on response times", "by 1 February 2017", owners: ["CC"]);
        await h.Register.MeetingAsync(new DateOnly(2017, 2, 28));
        var mar = await h.Register.MeetingAsync(new DateOnly(2017, 3, 28));
        var acc = await h.Register.ActionAsync(mar, "ACC to review custody suites", "next meeting", owners: ["ACC"]);
        await h.Register.MeetingAsync(new DateOnly(2017, 4, 25), MeetingStatus.Planned);
        await using (var db = await h.Database.CreateContextAsync())
        {
            var roles = await db.Roles.ToDictionaryAsync(r => r.Code);
            roles["DCC"].LineRole = roles["CC"];
            roles["ACC"].LineRole = roles["CC"];
            roles["CC"].LineRole = roles["PCC"];
            await db.SaveChangesAsync();
        }
        return (h, dcc, cc, acc);
    }

    private static async Task<List<ReminderDelivery>> EscalationsSentAsync(ReminderHarness h) =>
        (await h.DeliveriesAsync()).Where(d => d.Kind == ReminderKind.Escalation).ToList();

    [Fact]
    public async Task An_action_that_slipped_goes_to_its_line_and_the_secretariat_once_per_threshold_however_often_the_sweep_runs()
    {
        var (h, dcc, cc, _) = await SlippedAsync();
        await using var _ = h;

        h.At(2017, 3, 28, 8, 0);
        await h.SweepAsync();
        h.At(2017, 3, 28, 8, 15);
        await h.SweepAsync();

        var first = await EscalationsSentAsync(h);
        Assert.Equal(
            [
                (dcc.Id, "anthony.bangham@example.org", "CC", "carried 2\u00d7"),
                (dcc.Id, "sam.carter@example.org", "", "carried 2\u00d7"),
                (cc.Id, "john.campion@example.org", "PCC", "carried 2\u00d7 and overdue 28+ days"),
                (cc.Id, "sam.carter@example.org", "", "carried 2\u00d7 and overdue 28+ days"),
            ],
            first.Select(d => (d.ActionItemId!.Value, d.Recipient, d.RoleCodes, d.Note)).OrderBy(d => d.Value).ThenBy(d => d.Recipient));
        Assert.All(first, d => Assert.Equal(ReminderStatus.Sent, d.Status));

        // The next day the DCC's action is also 28 days past its due point: a new threshold, escalated once more.
        h.At(2017, 3, 29, 8, 0);
        await h.SweepAsync();
        h.At(2017, 3, 29, 8, 15);
        await h.SweepAsync();

        var second = (await EscalationsSentAsync(h)).Where(d => d.PlannedFor == new DateOnly(2017, 3, 29)).ToList();
        Assert.Equal(
            [("anthony.bangham@example.org", "overdue 28+ days"), ("sam.carter@example.org", "overdue 28+ days")],
            second.Select(d => (d.Recipient, d.Note)).OrderBy(d => d.Recipient));
        Assert.All(second, d => Assert.Equal(dcc.Id, d.ActionItemId));
        Assert.Equal(6, (await EscalationsSentAsync(h)).Count);

        await using var db = await h.Database.CreateContextAsync();
        var recorded = await db.Set<Escalation>().Select(e => new { e.ActionItemId, e.Reason, e.Threshold, e.EscalatedOn }).ToListAsync();
        Assert.Equal(
            [
                (dcc.Id, EscalationReason.Carried, 2, new DateOnly(2017, 3, 28)),
                (dcc.Id, EscalationReason.Overdue, 28, new DateOnly(2017, 3, 29)),
                (cc.Id, EscalationReason.Carried, 2, new DateOnly(2017, 3, 28)),
                (cc.Id, EscalationReason.Overdue, 28, new DateOnly(2017, 3, 28)),
            ],
            recorded.Select(e => (e.ActionItemId, e.Reason, e.Threshold, e.EscalatedOn)).OrderBy(e => e.ActionItemId).ThenBy(e => e.Reason));

        var messages = await h.Smtp.WaitForAsync((await h.DeliveriesAsync()).Count(d => d.Status == ReminderStatus.Sent));
        var toLine = messages.Single(m => m.Subject == $"Escalated: action {dcc.Reference} (carried 2\u00d7)" && m.To.Mailboxes.Single().Address == "anthony.bangham@example.org");
        Assert.Contains("CC is the line of the owning role", toLine.TextBody);
        Assert.Contains("DCC to brief on Athena", toLine.TextBody);
    }

    [Fact]
    public async Task An_escalation_whose_line_is_vacant_goes_to_the_secretariat_once()
    {
        var (h, dcc, _, _) = await SlippedAsync();
        await using var _ = h;
        await using (var db = await h.Database.CreateContextAsync())
        {
            var cc = await db.Roles.SingleAsync(r => r.Code == "CC");
            await db.RoleHoldings.Where(x => x.RoleId == cc.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.To, new DateOnly(2017, 3, 27)));
        }

        h.At(2017, 3, 28, 8, 0);
        await h.SweepAsync();
        await h.SweepAsync();

        var forDcc = Assert.Single(await EscalationsSentAsync(h), d => d.ActionItemId == dcc.Id);
        Assert.Equal(("sam.carter@example.org", "CC", "CC"), (forDcc.Recipient, forDcc.RoleCodes, forDcc.VacantRoleCodes));
    }

    [Fact]
    public async Task Escalated_actions_are_flagged_with_how_often_they_have_been_carried()
    {
        var (h, dcc, cc, acc) = await SlippedAsync();
        await using var _ = h;
        h.At(2017, 3, 28, 8, 0);
        await h.SweepAsync();

        var flags = await h.Get<ChaseService>().EscalationsAsync([dcc.Id, cc.Id, acc.Id]);

        Assert.Equal("escalated: carried 2\u00d7", flags[dcc.Id].Text);
        Assert.Equal("escalated: carried 2\u00d7, overdue 28+ days", flags[cc.Id].Text);
        Assert.False(flags.ContainsKey(acc.Id));
        var register = await h.Get<ActionService>().SearchAsync(new RegisterQuery(EscalatedOnly: true));
        Assert.Equal([dcc.Reference, cc.Reference], register.Items.Select(a => a.Reference).Order(StringComparer.Ordinal));

        var insights = await h.Get<InsightsService>().EscalationsAsync(new InsightsQuery(h.Register.SeriesId, new DateOnly(2017, 1, 1), new DateOnly(2017, 3, 31)));
        Assert.Equal([new OwnerEscalations("ACC", 1, 0), new OwnerEscalations("CC", 1, 1), new OwnerEscalations("DCC", 1, 1)], insights);
        Assert.Equal("Actions raised in the period and escalated for slipping: ACC none of 1, CC 1 of 1, DCC 1 of 1.", InsightsText.Escalations(insights));
    }

    [Fact]
    public async Task Escalation_can_be_switched_off()
    {
        var h = await ReminderHarness.CreateAsync(Start, settings: new() { ["Reminders:Escalation:Enabled"] = "false" });
        await using var _ = h;
        var jan = await h.Register.MeetingAsync(new DateOnly(2017, 1, 31));
        await h.Register.ActionAsync(jan, "CC to report on response times", "by 1 February 2017", owners: ["CC"]);
        h.At(2017, 4, 3, 8, 0);
        await h.SweepAsync();

        Assert.Empty(await EscalationsSentAsync(h));
    }
}
