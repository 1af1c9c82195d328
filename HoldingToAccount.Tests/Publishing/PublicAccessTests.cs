using System.Net;
using System.Net.Http.Headers;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Publishing;
using HoldingToAccount.Tests.Integration;
using HoldingToAccount.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Publishing;

/// <summary>
/// The public pages as an anonymous visitor sees them over HTTP, on an app of their own (the demo register, clock on
/// 1 February 2017): only published notes of public series are served, anything else answers as if it did not exist,
/// and what is served may be cached.
/// </summary>
[Needs(Need.Database)]
public sealed class PublicAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly Actor Secretariat = new("Sam Carter", AccessLevel.Secretariat);

    private PublicationService Publication => app.Factory.Services.GetRequiredService<PublicationService>();
    private MeetingService Meetings => app.Factory.Services.GetRequiredService<MeetingService>();

    private async Task<IReadOnlyList<MeetingSummary>> HeldAsync() =>
        [.. (await Meetings.ListAsync()).Where(m => m.Status is MeetingStatus.Held or MeetingStatus.Published).OrderBy(m => m.Date)];

    private async Task<MeetingSummary> PublishAsync(MeetingSummary meeting)
    {
        await Publication.SetSeriesPublicAsync(meeting.SeriesId, true, Secretariat);
        var state = (await Publication.StateAsync(meeting.Id))!;
        if (!state.IsPublished)
            await Publication.PublishAsync(meeting.Id, state.Version, Secretariat);
        return meeting;
    }

    [Fact]
    public async Task No_meeting_is_reachable_by_guessing_its_id_unless_its_notes_are_published()
    {
        var held = await HeldAsync();
        var published = await PublishAsync(held[^1]);
        var all = await Meetings.ListAsync();
        var publicIds = (await app.Factory.Services.GetRequiredService<PublicRegister>().MeetingsAsync()).Select(m => m.Id).ToHashSet();
        Assert.Contains(published.Id, publicIds);

        var failures = new List<string>();
        foreach (var id in all.Select(m => m.Id).Concat([0, -1, all.Max(m => m.Id) + 1, 99_999]))
        {
            foreach (var path in new[] { $"/public/meetings/{id}", $"/public/meetings/{id}/notes.docx" })
            {
                using var response = await app.Anonymous.GetAsync(path);
                var expected = publicIds.Contains(id) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                if (response.StatusCode != expected)
                    failures.Add($"GET {path}: {(int)response.StatusCode}, expected {(int)expected}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(all, m => !publicIds.Contains(m.Id) && m.Status == MeetingStatus.Held);
    }

    [Fact]
    public async Task Withdrawn_notes_answer_not_found_and_leave_the_list_the_log_and_the_feed()
    {
        var meeting = await PublishAsync((await HeldAsync())[0]);
        Assert.Contains($"/public/meetings/{meeting.Id}\"", await app.Anonymous.GetStringAsync("/public"), StringComparison.Ordinal);

        await Publication.WithdrawAsync(meeting.Id, (await Publication.StateAsync(meeting.Id))!.Version, "Published by mistake", Secretariat);

        using var page = await app.Anonymous.GetAsync($"/public/meetings/{meeting.Id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("These notes are not published", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync($"/public/meetings/{meeting.Id}/notes.docx")).StatusCode);
        Assert.DoesNotContain($"/public/meetings/{meeting.Id}\"", await app.Anonymous.GetStringAsync("/public"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/public/meetings/{meeting.Id}\"", await app.Anonymous.GetStringAsync("/public/actions"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/public/meetings/{meeting.Id}\"", await app.Anonymous.GetStringAsync("/public/feed.atom"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restricted_item_is_in_the_office_notes_but_not_on_the_public_page_or_in_the_public_docx()
    {
        MeetingSummary? meeting = null;
        AgendaItemRow? item = null;
        foreach (var held in (await HeldAsync()).Reverse())
        {
            item = (await Meetings.GetAsync(held.Id))!.Agenda.SelectMany(s => s.Items).FirstOrDefault(i => !i.Restricted && i.Title.Length > 10);
            meeting = held;
            if (item is not null)
                break;
        }
        Assert.NotNull(item);
        Assert.NotNull(meeting);
        await PublishAsync(meeting);
        await Meetings.UpdateAgendaItemAsync(item.Id, new AgendaItemInput(item.Section, item.Title, item.Questions, item.Findings, item.Deferred, Restricted: true), Secretariat);

        var html = await app.Anonymous.GetStringAsync($"/public/meetings/{meeting.Id}");
        using var docx = new WordFile(await app.Anonymous.GetByteArrayAsync($"/public/meetings/{meeting.Id}/notes.docx"));

        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(item.Title), html, StringComparison.Ordinal);
        Assert.DoesNotContain(docx.Blocks, b => WordFile.TextOf(b).Contains(item.Title, StringComparison.Ordinal));
        Assert.Contains("Public version: items marked restricted are not included.", html, StringComparison.Ordinal);
        var office = await app.ClientFor(Principal.Secretariat).GetStringAsync($"/api/v1/meetings/{meeting.Id}/notes.html");
        Assert.Contains(System.Net.WebUtility.HtmlEncode(item.Title), office, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/public")]
    [InlineData("/public/actions")]
    [InlineData("/public/feed.atom")]
    public async Task Public_responses_may_be_cached_for_a_few_minutes_and_open_no_live_connection(string path)
    {
        await PublishAsync((await HeldAsync())[^1]);

        using var response = await app.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge: { } age } && age >= TimeSpan.FromMinutes(1) && age <= TimeSpan.FromHours(1),
            $"Cache-Control: {response.Headers.CacheControl}");
        Assert.DoesNotContain(response.Headers, h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Blazor:{\"type\":\"server\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_answers_not_modified_when_the_reader_already_has_it()
    {
        await PublishAsync((await HeldAsync())[^1]);
        using var first = await app.Anonymous.GetAsync("/public/feed.atom");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal("application/atom+xml", first.Content.Headers.ContentType?.MediaType);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/public/feed.atom");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await app.Anonymous.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        FeedParser.Parse(await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_missing_or_unpublished_meeting_is_never_cached()
    {
        using var response = await app.Anonymous.GetAsync("/public/meetings/99999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }
}
