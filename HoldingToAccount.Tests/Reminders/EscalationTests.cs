using HoldingToAccount.Core.Actions;
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

    /// <summary>January, February and March held; April planned. Raised in January: a DCC action due at the next
    /// meeting (carried at February and March), a CC action due on 1 February (overdue and carried); raised in March,
    /// an ACC action not yet due.</summary>
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
    public async Task An_action_that_slipped_goes_to_its_line_and_the_secretariat_once_however_often_the_sweep_runs()
    {
        var (h, dcc, cc, _) = await SlippedAsync();
        await using var _ = h;

        h.At(2017, 4, 3, 8, 0);
        await h.SweepAsync();
        h.At(2017, 4, 3, 8, 15);
        await h.SweepAsync();
        h.At(2017, 4, 4, 8, 0);
        await h.SweepAsync();

        var sent = await EscalationsSentAsync(h);
        Assert.Equal(
            [
                (dcc.Id, "anthony.bangham@example.org", "CC"),
                (dcc.Id, "sam.carter@example.org", ""),
                (cc.Id, "john.campion@example.org", "PCC"),
                (cc.Id, "sam.carter@example.org", ""),
            ],
            sent.Select(d => (d.ActionItemId!.Value, d.Recipient, d.RoleCodes)).OrderBy(d => d.Value).ThenBy(d => d.Recipient));
        Assert.All(sent, d => Assert.Equal(ReminderStatus.Sent, d.Status));
        Assert.Equal("carried 2\u00d7", sent.First(d => d.ActionItemId == dcc.Id).Note);
        Assert.Equal("carried 2\u00d7 and overdue 28+ days", sent.First(d => d.ActionItemId == cc.Id).Note);

        await using var db = await h.Database.CreateContextAsync();
        var recorded = await db.Set<Escalation>().OrderBy(e => e.ActionItemId).ThenBy(e => e.Reason)
            .Select(e => new { e.ActionItemId, e.Reason, e.Threshold, e.EscalatedOn }).ToListAsync();
        Assert.Equal(
            [(dcc.Id, EscalationReason.Carried, 2), (cc.Id, EscalationReason.Carried, 2), (cc.Id, EscalationReason.Overdue, 28)],
            recorded.Select(e => (e.ActionItemId, e.Reason, e.Threshold)).OrderBy(e => e.ActionItemId).ThenBy(e => e.Reason));
        Assert.All(recorded, e => Assert.Equal(new DateOnly(2017, 4, 3), e.EscalatedOn));

        var messages = await h.Smtp.WaitForAsync((await h.DeliveriesAsync()).Count(d => d.Status == ReminderStatus.Sent));
        var toLine = messages.Single(m => m.Subject?.StartsWith("Escalated", StringComparison.Ordinal) == true && m.To.Mailboxes.Single().Address == "anthony.bangham@example.org");
        Assert.Equal($"Escalated: action {dcc.Reference} (carried 2\u00d7)", toLine.Subject);
        Assert.NotNull(toLine.TextBody);
        Assert.Contains("CC is the line of the owning role", toLine.TextBody);
    }

    [Fact]
    public async Task An_escalation_whose_line_is_vacant_goes_to_the_secretariat_once()
    {
        var (h, dcc, _, _) = await SlippedAsync();
        await using var _ = h;
        await using (var db = await h.Database.CreateContextAsync())
        {
            var cc = await db.Roles.SingleAsync(r => r.Code == "CC");
            await db.RoleHoldings.Where(x => x.RoleId == cc.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.To, new DateOnly(2017, 3, 31)));
        }

        h.At(2017, 4, 3, 8, 0);
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
        h.At(2017, 4, 3, 8, 0);
        await h.SweepAsync();

        var flags = await h.Get<ChaseService>().EscalationsAsync([dcc.Id, cc.Id, acc.Id]);

        Assert.Equal("escalated: carried 2\u00d7", flags[dcc.Id].Text);
        Assert.Equal("escalated: carried 2\u00d7, overdue 28+ days", flags[cc.Id].Text);
        Assert.False(flags.ContainsKey(acc.Id));
        var register = await h.Get<ActionService>().SearchAsync(new RegisterQuery(EscalatedOnly: true));
        Assert.Equal([cc.Reference, dcc.Reference], register.Items.Select(a => a.Reference).Order(StringComparer.Ordinal));
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
