using System.Diagnostics.Metrics;
using HoldingToAccount.Tests.Mail;
using HoldingToAccount.Tests.Reminders;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Observability;

/// <summary>
/// What an operator's dashboard counts when the reminder run meets a real SMTP server (aiosmtpd with flaky_smtp.py)
/// that accepts two recipients and refuses the third for good.
/// </summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class ReminderMetricsTests
{
    [Fact]
    public async Task Reminders_the_server_accepted_and_refused_are_counted_apart()
    {
        await using var h = await ReminderHarness.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero),
            await SmtpSink.StartFlakyAsync(0, "john.campion@example.org"));
        using var metrics = new MetricsReader(h.Get<IMeterFactory>());
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "PCC/CC to agree the victim strategy", "to the February meeting", owners: ["PCC", "CC"]);
        await h.Register.ActionAsync(jan, "DCC to brief on Athena", "to the February meeting", owners: ["DCC"]);

        h.At(2017, 2, 18, 8, 0);
        await h.SweepAsync();
        h.At(2017, 2, 18, 9, 0);
        await h.SweepAsync();
        await h.Smtp.WaitForAsync(2);

        Assert.Equal(2, metrics.Total("hta.reminders.sent"));
        Assert.Equal(1, metrics.Total("hta.reminders.failed", "hta.failure=refused"));
        Assert.Equal(0, metrics.Total("hta.reminders.failed", "hta.failure=retrying"));
    }
}
