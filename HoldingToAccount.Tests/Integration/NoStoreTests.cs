using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Integration;

/// <summary>Records and files the app hands out are never kept in a browser's or proxy's cache (Cache-Control: no-store).</summary>
[Needs(Need.Database)]
[Collection(AppCollection.Name)]
public sealed class NoStoreTests(AppFixture app)
{
    [Fact]
    public async Task Every_api_answer_and_every_export_is_marked_not_to_be_stored()
    {
        var january = await MeetingOnAsync("2017-01-31");
        var reference = (await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/actions?owner=CC"))
            .GetProperty("items").EnumerateArray().First().GetProperty("reference").GetString()!.Replace('/', '-');

        foreach (var url in new[]
        {
            "/api/v1/meetings", $"/api/v1/meetings/{january}", $"/api/v1/meetings/{january}/outstanding",
            "/api/v1/actions", $"/api/v1/actions/{reference}", "/api/v1/actions/no-such-action",
            $"/api/v1/meetings/{january}/notes.docx", $"/api/v1/meetings/{january}/notes.html", $"/api/v1/meetings/{january}/actions-pack.docx",
            "/api/v1/actions/export.xlsx", "/api/v1/actions/export.csv", "/openapi/v1.json", "/healthz",
        })
        {
            using var response = await app.ClientFor(Principal.Secretariat).GetAsync(url);
            AssertNotStored(response, url);
        }

        using var posted = await app.ClientFor(Principal.Secretariat).PostAsJsonAsync($"/api/v1/actions/{reference}/updates", new { text = "Checked for caching" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        AssertNotStored(posted, "POST updates");
        using var refused = await app.Anonymous.GetAsync("/api/v1/actions/export.csv");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        AssertNotStored(refused, "anonymous export");
    }

    [Fact]
    public async Task Calendar_feeds_are_marked_not_to_be_stored()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AccountService>().FindAsync("anthony.bangham@example.org");
        var token = (await app.Factory.Services.GetRequiredService<TokenService>().CreateCalendarTokenAsync(user!.Id, "test")).Token;

        using var feed = await app.Anonymous.GetAsync($"/ical/person/{token}.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        AssertNotStored(feed, "person feed");
        using var unknown = await app.Anonymous.GetAsync("/ical/person/cal_bogus.ics");
        AssertNotStored(unknown, "unknown feed");
    }

    private static void AssertNotStored(HttpResponseMessage response, string what) =>
        Assert.True(response.Headers.CacheControl?.NoStore == true,
            $"{what} ({(int)response.StatusCode}) came with Cache-Control '{response.Headers.CacheControl}'");

    private async Task<int> MeetingOnAsync(string date) =>
        (await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?from={date}&to={date}"))
            .EnumerateArray().Single().GetProperty("id").GetInt32();
}
