using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>A sweep's digests composed in one run (<see cref="DigestBatch"/>), as the delivery jobs send them.</summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class ReminderDigestBatchTests
{
    private static readonly DateTimeOffset Start = new(2017, 2, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TenDaysBefore = London.ToInstant(new DateOnly(2017, 2, 18), new TimeOnly(8, 0));

    [Fact]
    public async Task A_sweeps_digests_composed_together_say_exactly_what_each_says_composed_alone()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "PCC/CC to agree the victim strategy", "to the February meeting", owners: ["PCC", "CC"]);
        await h.Register.ActionAsync(jan, "CC to report on response times", "to the February meeting", owners: ["CC"]);
        await h.Register.ActionAsync(jan, "DCC to brief on Athena", "to the February meeting", owners: ["DCC"]);
        await h.Register.ActionAsync(jan, "ACC to report on the LPA review", "to the February meeting", owners: ["ACC"]);
        var march = await h.Register.MeetingAsync(new DateOnly(2017, 3, 28), HoldingToAccount.Core.Meetings.MeetingStatus.Planned);
        await h.Register.ActionAsync(jan, "CC to return to this in March", dueMeetingId: march, owners: ["CC"]);
        var closed = await h.Register.ActionAsync(jan, "DCC to close the custody review", "to the February meeting", owners: ["DCC"]);
        await h.Database.Get<ActionService>().CloseAsync(closed.Reference, closed.Version, null, "Done.", RegisterBuilder.Secretariat);
        h.Clock.SetUtcNow(TenDaysBefore);
        await h.Get<ReminderPlanner>().PlanAsync(TenDaysBefore);
        var digests = (await h.DeliveriesAsync()).Where(d => d.Kind == ReminderKind.MeetingDigest).ToList();
        var composer = h.Get<ReminderComposer>();

        var batch = new DigestBatch();
        foreach (var digest in digests)
        {
            var alone = await composer.ComposeAsync(digest);
            var together = await composer.ComposeAsync(digest, batch);

            Assert.NotNull(alone);
            Assert.NotNull(together);
            Assert.Equal(alone.Subject, together.Subject);
            Assert.Equal(alone.Text, together.Text);
            Assert.Equal(alone.Html, together.Html);
            Assert.Equal(alone.Calendar, together.Calendar);
        }
        Assert.Equal(["anthony.bangham@example.org", "chris.singer@example.org", "john.campion@example.org", "sam.carter@example.org"],
            digests.Select(d => d.Recipient).Order());
        var cc = await composer.ComposeAsync(digests.Single(d => d.Recipient == "anthony.bangham@example.org"), batch);
        Assert.StartsWith("2 actions due", cc!.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("return to this in March", cc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("custody review", (await composer.ComposeAsync(digests.Single(d => d.Recipient == "chris.singer@example.org"), batch))!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_run_of_sends_reads_the_register_again_so_a_later_digest_leaves_out_an_action_closed_meanwhile()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "CC to report on response times", "to the February meeting", owners: ["CC"]);
        var closing = await h.Register.ActionAsync(jan, "CC to close the custody review", "to the February meeting", owners: ["CC"]);
        h.Clock.SetUtcNow(TenDaysBefore);
        await h.Get<ReminderPlanner>().PlanAsync(TenDaysBefore);
        var digest = Assert.Single(await h.DeliveriesAsync(), d => d.Kind == ReminderKind.MeetingDigest);
        var composer = h.Get<ReminderComposer>();
        var batch = new DigestBatch();
        Assert.StartsWith("2 actions due", (await composer.ComposeAsync(digest, batch))!.Subject, StringComparison.Ordinal);

        await h.Database.Get<ActionService>().CloseAsync(closing.Reference, closing.Version, null, "Done.", RegisterBuilder.Secretariat);
        h.Clock.Advance(DigestBatch.MaxAge);
        var later = await composer.ComposeAsync(digest, batch);

        Assert.StartsWith("1 action due", later!.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("custody review", later.Text, StringComparison.Ordinal);
    }
}
