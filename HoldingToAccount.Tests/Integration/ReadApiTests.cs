using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Integration;

[Needs(Need.Database)]
[Collection(AppCollection.Name)]
public sealed class ReadApiTests(AppFixture app)
{
    private HttpClient Client => app.Client;

    [Fact]
    public async Task Health_reports_the_database_as_healthy_in_json()
    {
        if (PostgresServer.TestProvider == DatabaseProvider.Postgres)
            await app.Factory.Services.GetRequiredService<PostgresChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var health = await app.ClientFor(Principal.Secretariat).GetFromJsonAsync<JsonElement>("/healthz");
        var checks = health.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("mail").GetProperty("status").GetString());
        // On PostgreSQL the instance also reports whether it hears other instances' changes.
        if (PostgresServer.TestProvider == DatabaseProvider.Postgres)
            Assert.Equal("Healthy", checks.GetProperty("change-feed").GetProperty("status").GetString());
        else
            Assert.False(checks.TryGetProperty("change-feed", out _));
        // The reminder sweep is Degraded until its first run after start-up, which happens in the background.
        Assert.NotEqual("Unhealthy", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_read_api()
    {
        var doc = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/meetings", "/api/v1/meetings/{id}", "/api/v1/meetings/{id}/outstanding", "/api/v1/actions", "/api/v1/actions/{reference}" })
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
    }

    [Fact]
    public async Task Meetings_in_a_date_range_come_with_uk_local_date_and_time()
    {
        var meetings = await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings?from=2017-02-01&to=2017-02-28");
        var february = Assert.Single(meetings.EnumerateArray());
        Assert.Equal("2017-02-28", february.GetProperty("date").GetString());
        Assert.Equal("10:30", february.GetProperty("startTime").GetString());
        Assert.Contains("February 2017", february.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("PCC Conference Room – Hindlip", february.GetProperty("venue").GetString());
    }

    [Fact]
    public async Task The_February_2017_meeting_has_the_two_domestic_burglary_actions_brought_forward()
    {
        var february = await MeetingOnAsync("2017-02-28");
        var outstanding = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{february}/outstanding");

        var actions = outstanding.EnumerateArray().ToList();
        Assert.Equal(2, actions.Count);
        Assert.All(actions, a =>
        {
            Assert.Equal(["CC"], a.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
            Assert.Matches(@"^2017/\d{2}$", a.GetProperty("reference").GetString());
            Assert.Equal("2017-01-31", a.GetProperty("raisedAt").GetProperty("date").GetString());
        });
        Assert.Contains(actions, a => a.GetProperty("text").GetString()!.Contains("North Worcestershire", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.GetProperty("text").GetString()!.Contains("minimum standard", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_July_2017_meeting_shows_the_JPP_action_with_its_January_update()
    {
        var july = await MeetingOnAsync("2017-07-25");
        var detail = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{july}");

        var jpp = detail.GetProperty("broughtForward").EnumerateArray()
            .Single(a => a.GetProperty("text").GetString()!.Contains("JPP", StringComparison.Ordinal));
        Assert.Equal(["CC"], jpp.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("2017-01-31", jpp.GetProperty("latestUpdate").GetProperty("date").GetString());
        Assert.Contains("pilot", jpp.GetProperty("latestUpdate").GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_page_far_past_the_end_of_the_register_is_reported_as_asked_with_no_rows()
    {
        var first = await Client.GetFromJsonAsync<JsonElement>("/api/v1/actions?pageSize=2");
        var far = await Client.GetFromJsonAsync<JsonElement>("/api/v1/actions?pageSize=2&page=2147483647");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(int.MaxValue, far.GetProperty("page").GetInt32());
        Assert.Empty(far.GetProperty("items").EnumerateArray());
        Assert.Equal(first.GetProperty("total").GetInt32(), far.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_action_is_found_by_its_reference_with_a_dash_and_carries_its_updates()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/v1/actions?q=JPP");
        var reference = page.GetProperty("items").EnumerateArray().Single().GetProperty("reference").GetString()!;

        var action = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/actions/{reference.Replace('/', '-')}");

        Assert.Equal(reference, action.GetProperty("action").GetProperty("reference").GetString());
        Assert.NotEmpty(action.GetProperty("updates").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/actions/1999-99")).StatusCode);
    }

    private static readonly string[] OpenStatuses = ["Open", "UpdateProvided", "ProposedComplete"];

    [Fact]
    public async Task The_register_filters_by_owner_and_status_where_open_means_not_closed_or_cancelled()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/v1/actions?owner=cc&status=open");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, page.GetProperty("total").GetInt32());
        Assert.All(items, a =>
        {
            Assert.Contains("CC", a.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
            Assert.Contains(a.GetProperty("status").GetString(), OpenStatuses);
        });
    }

    [Theory]
    [InlineData("/api/v1/actions?status=Sideways", "Unknown status 'Sideways'")]
    [InlineData("/api/v1/meetings?from=2017-03-01&to=2017-02-01", "start of the range is after its end")]
    public async Task Bad_queries_get_a_clear_message(string url, string message)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_meeting_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/meetings/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/meetings/999999/outstanding")).StatusCode);
    }

    private async Task<int> MeetingOnAsync(string date)
    {
        var meetings = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?from={date}&to={date}");
        return meetings.EnumerateArray().Single().GetProperty("id").GetInt32();
    }
}
