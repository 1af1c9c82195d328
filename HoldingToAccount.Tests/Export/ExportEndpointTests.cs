using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using ICalendar = Ical.Net.Calendar;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Export;

/// <summary>The export endpoints and calendar feeds over the whole app (real Kestrel, demo register, 1 February 2017).</summary>
[Needs(Need.Database)]
[Collection(AppCollection.Name)]
public sealed class ExportEndpointTests(AppFixture app)
{
    private async Task<int> MeetingOnAsync(string date)
    {
        var meetings = await app.ClientFor(Principal.Secretariat).GetFromJsonAsync<JsonElement>($"/api/v1/meetings?from={date}&to={date}");
        return meetings.EnumerateArray().Single().GetProperty("id").GetInt32();
    }

    private static async Task<string?> DocxTitleAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(NotesDocument.DocxContentType, response.Content.Headers.ContentType?.MediaType);
        using var word = new WordFile(await response.Content.ReadAsByteArrayAsync());
        return word.Document.PackageProperties.Title;
    }

    [Fact]
    public async Task The_secretariat_gets_the_full_notes_and_a_viewer_only_the_public_variant_whatever_they_ask()
    {
        var january = await MeetingOnAsync("2017-01-31");
        var url = $"/api/v1/meetings/{january}/notes.docx";

        var full = await DocxTitleAsync(await app.ClientFor(Principal.Secretariat).GetAsync(url));
        var askedPublic = await DocxTitleAsync(await app.ClientFor(Principal.Secretariat).GetAsync(url + "?variant=public"));
        var viewer = await DocxTitleAsync(await app.ClientFor(Principal.Viewer).GetAsync(url + "?variant=full"));

        Assert.Equal("Monthly Assurance Meeting January 2017 – Meeting Notes", full);
        Assert.EndsWith("(public)", askedPublic, StringComparison.Ordinal);
        Assert.EndsWith("(public)", viewer, StringComparison.Ordinal);
        var html = await app.ClientFor(Principal.Viewer).GetStringAsync($"/api/v1/meetings/{january}/notes.html");
        Assert.Contains("Public version", html, StringComparison.Ordinal);
        var bad = await app.ClientFor(Principal.Secretariat).GetAsync(url + "?variant=secret");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Unknown variant", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_notes_come_with_a_policy_that_runs_nothing()
    {
        var january = await MeetingOnAsync("2017-01-31");
        var response = await app.ClientFor(Principal.Chair).GetAsync($"/api/v1/meetings/{january}/notes.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-GB\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_action_log_downloads_as_xlsx_and_csv_with_the_registers_filters()
    {
        var client = app.ClientFor(Principal.OfficerOwning);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/actions?owner=cc&status=open&pageSize=500");
        var total = page.GetProperty("total").GetInt32();

        var xlsx = await client.GetAsync("/api/v1/actions/export.xlsx?owner=cc&status=open");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(ActionLogExport.XlsxContentType, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("action-log-2017-02-01.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        using (var workbook = SpreadsheetDocument.Open(stream, false))
        {
            var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet
                .GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetData>()!.Elements<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
            Assert.Equal(total + 1, rows);
        }

        var csv = await client.GetAsync("/api/v1/actions/export.csv?owner=cc&status=open");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Ref,Date raised,", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);

        var bad = await client.GetAsync("/api/v1/actions/export.csv?status=Sideways");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_actions_pack_downloads_and_an_unknown_meeting_is_not_found()
    {
        var february = await MeetingOnAsync("2017-02-28");
        var title = await DocxTitleAsync(await app.ClientFor(Principal.Chair).GetAsync($"/api/v1/meetings/{february}/actions-pack.docx"));
        Assert.Equal("Actions pack – Monthly Assurance Meeting February 2017", title);
        foreach (var path in new[] { "notes.docx", "notes.html", "actions-pack.docx" })
            Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(Principal.Chair).GetAsync($"/api/v1/meetings/999999/{path}")).StatusCode);
    }

    [Theory]
    [InlineData(Principal.DisplayToken)]
    [InlineData(Principal.Anonymous)]
    public async Task Display_tokens_and_anonymous_callers_get_no_export(Principal principal)
    {
        var january = await MeetingOnAsync("2017-01-31");
        foreach (var url in new[]
        {
            $"/api/v1/meetings/{january}/notes.docx", $"/api/v1/meetings/{january}/notes.docx?variant=public",
            $"/api/v1/meetings/{january}/notes.html", $"/api/v1/meetings/{january}/actions-pack.docx",
            "/api/v1/actions/export.xlsx", "/api/v1/actions/export.csv",
        })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientFor(principal).GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task A_calendar_token_opens_the_person_and_series_feeds_and_a_bogus_or_revoked_one_is_not_found()
    {
        var (tokenId, token) = await CalendarTokenAsync("anthony.bangham@example.org");
        var january = await MeetingOnAsync("2017-01-31");
        var seriesId = (await app.ClientFor(Principal.Secretariat).GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{january}"))
            .GetProperty("meeting").GetProperty("seriesId").GetInt32();

        var person = await app.Anonymous.GetAsync($"/ical/person/{token}.ics");
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
        Assert.Equal("text/calendar", person.Content.Headers.ContentType?.MediaType);
        var calendar = ICalendar.Load(await person.Content.ReadAsStringAsync())!;
        Assert.Contains(calendar.Events, e => e.Uid == app.Factory.Services.GetRequiredService<MeetingCalendar>().MeetingUid(january));
        Assert.Contains(calendar.Events, e => e.Uid!.StartsWith("action-", StringComparison.Ordinal) && e.IsAllDay);

        var first = await app.Anonymous.GetStringAsync($"/ical/series/{seriesId}/{token}.ics");
        var second = await app.Anonymous.GetStringAsync($"/ical/series/{seriesId}/{token}.ics");
        Assert.Equal(ICalendar.Load(first)!.Events.Select(e => e.Uid), ICalendar.Load(second)!.Events.Select(e => e.Uid));
        Assert.Contains(ICalendar.Load(first)!.Events, e => e.Uid == app.Factory.Services.GetRequiredService<MeetingCalendar>().MeetingUid(january));

        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync("/ical/person/cal_bogus.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync($"/ical/series/{seriesId}/cal_bogus.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync($"/ical/series/999999/{token}.ics")).StatusCode);
        var notFound = await app.Anonymous.GetAsync("/ical/person/cal_bogus.ics");
        Assert.DoesNotContain("token", await notFound.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await app.Factory.Services.GetRequiredService<TokenService>().RevokeApiTokenAsync(tokenId, "test");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync($"/ical/person/{token}.ics")).StatusCode);
    }

    [Fact]
    public async Task An_api_token_is_not_a_calendar_token()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AccountService>().FindAsync("andy.champness@example.org");
        var apiToken = await app.Factory.Services.GetRequiredService<TokenService>().CreateApiTokenAsync(user!.Id, "not a calendar", "test");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync($"/ical/person/{apiToken.Token}.ics")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_exports()
    {
        var doc = await app.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/meetings/{id}/notes.docx", "/api/v1/meetings/{id}/notes.html", "/api/v1/meetings/{id}/actions-pack.docx",
            "/api/v1/actions/export.xlsx", "/api/v1/actions/export.csv",
        })
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
    }

    private async Task<(int Id, string Token)> CalendarTokenAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AccountService>().FindAsync(email)
            ?? throw new InvalidOperationException($"no user {email}");
        var issued = await app.Factory.Services.GetRequiredService<TokenService>().CreateCalendarTokenAsync(user.Id, "test");
        return (issued.Id, issued.Token);
    }
}
