using HoldingToAccount.Core;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using ICalendar = Ical.Net.Calendar;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>
/// The calendar entry a digest attaches and the one the feeds publish are the same event, so Outlook shows the meeting
/// once whichever it saw first. The digest goes through a real SMTP server; the feeds are Core's feed service.
/// </summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class MeetingCalendarEntryTests
{
    private static readonly DateTimeOffset Start = new(2017, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_digests_calendar_entry_is_the_meeting_as_the_person_and_series_feeds_publish_it()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var (jan, feb) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "An update on domestic burglary in North Worcestershire", "to be brought back to the February meeting");

        h.At(2017, 2, 18, 8, 0);
        await h.SweepAsync();
        var attachment = await AttachedCalendarAsync(Assert.Single(await h.Smtp.WaitForAsync(1)));

        var feeds = ActivatorUtilities.CreateInstance<CalendarFeeds>(h.Services);
        var chiefConstable = await h.Get<PeopleService>().FindPersonAsync(ReminderHarness.EmailOf("Anthony Bangham"))
            ?? throw new InvalidOperationException("no CC");
        var personFeed = ICalendar.Load((await feeds.PersonFeedAsync(chiefConstable.Id))!)!;
        var seriesFeed = ICalendar.Load((await feeds.SeriesFeedAsync(h.Register.SeriesId))!)!;

        var attached = Assert.Single(ICalendar.Load(attachment)!.Events);
        Assert.Equal($"meeting-{feb}@hta.example.org", attached.Uid);
        foreach (var published in new[] { personFeed, seriesFeed }.Select(feed => Assert.Single(feed.Events, e => e.Uid == attached.Uid)))
        {
            Assert.Equal(attached.Sequence, published.Sequence);
            Assert.Equal(attached.DtStart, published.DtStart);
            Assert.Equal(attached.DtEnd, published.DtEnd);
            Assert.Equal(attached.Status, published.Status);
            Assert.Equal(attached.Summary, published.Summary);
            Assert.Equal(attached.Location, published.Location);
        }
        Assert.Equal("CONFIRMED", attached.Status);
        Assert.Equal(TimeSpan.FromHours(2), attached.DtEnd!.Subtract(attached.DtStart!).ToTimeSpanUnspecified());
        Assert.Contains("METHOD:PUBLISH\r\n", attachment, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/London:20170228T103000\r\n", attachment, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/London\r\n", attachment, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20170218T080000Z\r\n", attachment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moved_meeting_is_attached_with_the_sequence_the_feed_gives_it()
    {
        await using var h = await ReminderHarness.CreateAsync(Start);
        var (jan, feb) = await h.JanuaryAndFebruaryAsync();
        await h.Register.ActionAsync(jan, "ACC to report on the LPA review", "to the February meeting");
        var meetings = h.Get<MeetingService>();
        var planned = Assert.Single(await meetings.ListAsync(new DateOnly(2017, 2, 28), new DateOnly(2017, 2, 28)));
        await meetings.MoveAsync(feb, planned.Version, new DateOnly(2017, 2, 28), RegisterBuilder.Secretariat, new TimeOnly(14, 0));

        h.At(2017, 2, 18, 8, 0);
        await h.SweepAsync();
        var attached = Assert.Single(ICalendar.Load(await AttachedCalendarAsync(Assert.Single(await h.Smtp.WaitForAsync(1))))!.Events);

        var feeds = ActivatorUtilities.CreateInstance<CalendarFeeds>(h.Services);
        var published = Assert.Single(ICalendar.Load((await feeds.SeriesFeedAsync(h.Register.SeriesId))!)!.Events, e => e.Uid == attached.Uid);
        Assert.True(attached.Sequence > 0);
        Assert.Equal(published.Sequence, attached.Sequence);
        Assert.Equal(new DateTime(2017, 2, 28, 14, 0, 0), attached.DtStart!.Value);
    }

    [Fact]
    public void Two_installations_give_the_same_meeting_different_uids_and_the_uid_follows_the_public_address()
    {
        static MeetingCalendar For(string? baseUrl) => new(
            Options.Create(new PublicLinkOptions { PublicBaseUrl = baseUrl }), Options.Create(new ReminderOptions()), TimeProvider.System);

        Assert.Equal("meeting-12@hta.westmercia.example", For("https://hta.westmercia.example/").MeetingUid(12));
        Assert.Equal("meeting-12@actions.warwickshire.example", For("https://actions.warwickshire.example").MeetingUid(12));
        Assert.Equal("meeting-12@localhost", For(null).MeetingUid(12));
    }

    private static async Task<string> AttachedCalendarAsync(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", part.ContentType.MimeType);
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content);
        return System.Text.Encoding.UTF8.GetString(content.ToArray());
    }
}
