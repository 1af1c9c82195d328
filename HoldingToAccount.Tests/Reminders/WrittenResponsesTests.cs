using AngleSharp.Html.Parser;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>The written-response deadline: the CC holder is reminded 2 working days before, at the morning send time.</summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class WrittenResponsesTests
{
    private static readonly DateTimeOffset Start = new(2017, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2017-02-20", "2017-02-16")] // Monday due: the Thursday before, skipping the weekend
    [InlineData("2017-02-22", "2017-02-20")] // Wednesday due: the Monday
    [InlineData("2017-05-02", "2017-04-27")] // Tuesday after the early May bank holiday: the Thursday before
    [InlineData("2017-04-19", "2017-04-13")] // Wednesday after Easter: Easter Monday and Good Friday skipped
    [InlineData("2022-12-28", "2022-12-22")] // Christmas 2022 on a Sunday: Boxing Day and the substitute Tuesday skipped
    [InlineData("2017-02-25", "2017-02-23")] // due on a Saturday: the Thursday
    public void Two_working_days_before_skips_weekends_and_bank_holidays(string due, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            WorkingDays.Before(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), 2));

    [Fact]
    public void The_bank_holidays_of_2022_include_the_jubilee_and_the_state_funeral()
    {
        var days = WorkingDays.BankHolidays(2022).Order().Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"], days);
    }

    [Fact]
    public async Task The_CC_holder_is_reminded_two_working_days_before_written_responses_are_due_once_at_0800()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var (_, feb) = await h.JanuaryAndFebruaryAsync();
        await using (var db = await h.Database.CreateContextAsync())
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == feb);
            meeting.WrittenResponsesDue = new DateOnly(2017, 2, 20); // a Monday
            db.AgendaItems.Add(new AgendaItem
            {
                MeetingId = feb, Section = "4a", Number = "4a.1", Title = "Performance against the police and crime plan", Order = 1,
                Questions = "What is the force doing to reduce repeat domestic burglary in North Worcestershire?",
            });
            await db.SaveChangesAsync();
        }

        h.At(2017, 2, 15, 8, 0);
        Assert.Equal(0, (await h.SweepAsync()).Created);
        h.At(2017, 2, 16, 7, 45);
        Assert.Equal(0, (await h.SweepAsync()).Created);
        h.At(2017, 2, 16, 8, 0);
        Assert.Equal(1, (await h.SweepAsync()).Created);
        h.At(2017, 2, 16, 8, 15);
        Assert.Equal(0, (await h.SweepAsync()).Created);
        h.At(2017, 2, 17, 8, 0);
        Assert.Equal(0, (await h.SweepAsync()).Created);

        var message = Assert.Single(await h.Smtp.WaitForAsync(1));
        Assert.Equal("anthony.bangham@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("Written responses for the Monthly Assurance Meeting February 2017 are due on Monday 20 February 2017", message.Subject);
        Assert.Contains("Date and time: Tuesday 28 February 2017, 10:30", message.TextBody);
        Assert.Contains("holder of CC on Thursday 16 February 2017", message.TextBody);
        Assert.Contains("repeat domestic burglary in North Worcestershire", message.TextBody);
        var html = new HtmlParser().ParseDocument(message.HtmlBody!);
        Assert.Contains(html.QuerySelectorAll("h2"), h => h.TextContent == "Questions sent in advance (1)");
        Assert.Contains(html.QuerySelectorAll("h3"), h => h.TextContent == "4a.1 Performance against the police and crime plan");
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"{ReminderHarness.BaseUrl}/meetings/{feb}");

        var delivery = Assert.Single(await h.DeliveriesAsync());
        Assert.Equal(ReminderKind.WrittenResponses, delivery.Kind);
        Assert.Equal(new DateOnly(2017, 2, 16), delivery.PlannedFor);
        Assert.Equal(ReminderStatus.Sent, delivery.Status);
    }

    [Fact]
    public async Task A_meeting_without_a_written_response_deadline_gets_no_such_reminder()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        await h.JanuaryAndFebruaryAsync();

        var preview = await h.Get<ReminderService>().PreviewAsync(HoldingToAccount.Core.London.ToInstant(new DateOnly(2017, 2, 16), new TimeOnly(8, 0)));

        Assert.DoesNotContain(preview.Due, d => d.Kind == ReminderKind.WrittenResponses);
    }
}
