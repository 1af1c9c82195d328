using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Integration;

/// <summary>
/// The register through the API and its exports: "status=open" and the text search. The app has a demo register of its
/// own, as the test changes statuses in it.
/// </summary>
[Needs(Need.Database)]
public sealed partial class RegisterApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly ActionStatus[] _openStatuses = [ActionStatus.Open, ActionStatus.UpdateProvided, ActionStatus.ProposedComplete];

    [Fact]
    public async Task Status_open_returns_actions_open_with_an_update_provided_or_proposed_complete_in_the_list_and_the_exports()
    {
        var expected = await GiveEveryStatusAsync();

        var list = await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/actions?status=open&pageSize=500");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected, items.Select(a => a.GetProperty("reference").GetString()!).Order());
        Assert.Equal(expected.Count, list.GetProperty("total").GetInt32());
        Assert.Equal(_openStatuses.Select(s => s.ToString()).Order(), items.Select(a => a.GetProperty("status").GetString()!).Distinct().Order());

        var csv = await app.Client.GetStringAsync("/api/v1/actions/export.csv?status=open");
        Assert.Equal(expected, CsvReference().Matches(csv).Select(m => m.Groups[1].Value).Order());

        var xlsx = await app.Client.GetAsync("/api/v1/actions/export.xlsx?status=OPEN");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
    }

    [Fact]
    public async Task The_exact_statuses_can_still_be_asked_for_and_an_unknown_one_is_refused()
    {
        await GiveEveryStatusAsync();

        foreach (var (word, status) in new[] { ("awaiting-update", "Open"), ("UpdateProvided", "UpdateProvided"), ("proposedcomplete", "ProposedComplete"), ("Cancelled", "Cancelled") })
        {
            var list = await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/actions?status={word}&pageSize=500");
            var statuses = list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("status").GetString()).Distinct().ToList();
            Assert.Equal([status], statuses);
        }

        var unknown = await app.Client.GetAsync("/api/v1/actions?status=pending");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("open, awaiting-update", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Burglary North Worcestershire")]
    [InlineData("worcestershire north burg")]
    public async Task The_text_filter_finds_every_word_in_any_order(string q)
    {
        var list = await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/actions?q={Uri.EscapeDataString(q)}");
        Assert.Contains(list.GetProperty("items").EnumerateArray(),
            a => a.GetProperty("text").GetString() == "An update on domestic burglary in North Worcestershire.");
    }

    [Theory]
    [InlineData("\"burglary")]
    [InlineData("burglary OR (north")]
    [InlineData("'; DROP TABLE \"ActionItems\"; --")]
    [InlineData("*:&|!")]
    public async Task Hostile_search_text_gives_a_list_not_an_error(string q)
    {
        var response = await app.Client.GetAsync($"/api/v1/actions?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await app.Client.GetAsync($"/api/v1/actions/export.csv?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.True((await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/actions")).GetProperty("total").GetInt32() > 0);
    }

    /// <summary>
    /// Gives four open demo actions the statuses ProposedComplete, UpdateProvided, Cancelled and Open; returns the
    /// references of the actions then open.
    /// </summary>
    private async Task<List<string>> GiveEveryStatusAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        if (!await db.Actions.AnyAsync(a => a.Status == ActionStatus.ProposedComplete))
        {
            var open = await db.Actions.Where(a => _openStatuses.Contains(a.Status)).OrderBy(a => a.Id).ToListAsync();
            Assert.True(open.Count >= 4, "the demo register has at least four open actions");
            (open[0].Status, open[1].Status, open[2].Status, open[3].Status) =
                (ActionStatus.ProposedComplete, ActionStatus.UpdateProvided, ActionStatus.Cancelled, ActionStatus.Open);
            await db.SaveChangesAsync();
        }
        Assert.True(await db.Actions.AnyAsync(a => a.Status == ActionStatus.Closed), "the demo register has closed actions");
        return (await db.Actions.Where(a => _openStatuses.Contains(a.Status)).Select(a => new { a.Year, a.Sequence }).ToListAsync())
            .Select(a => ActionReference.Format(a.Year, a.Sequence)).Order().ToList();
    }

    [GeneratedRegex(@"^(\d{4}/\d{2,}),", RegexOptions.Multiline)]
    private static partial Regex CsvReference();
}
