using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Publishing;
using HoldingToAccount.Tests.Integration;
using HoldingToAccount.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Publishing;

/// <summary>
/// The demo register with, at the January 2017 meeting, a restricted agenda item (its questions and findings) with an
/// action raised under it, and an action the secretariat restricted itself; both actions are due at the February meeting.
/// An app of its own, so the restrictions do not change what the shared app's tests read.
/// </summary>
public sealed class RestrictedAppFixture : AppFixture
{
    public const string ItemTitle = "Operation Zircon briefing";
    public const string ItemQuestions = "Zircon questions on informant handling";
    public const string ItemFindings = "Zircon findings: two sources at risk";
    public const string ActionUnderItem = "Zircon: review the handler rota";
    public const string RestrictedAction = "Quartz: brief the PCC on the covert budget";

    public int SeriesId { get; private set; }
    public int January { get; private set; }
    public int February { get; private set; }
    public string UnderItemReference { get; private set; } = "";
    public string RestrictedReference { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var services = Factory.Services;
        var meetings = services.GetRequiredService<MeetingService>();
        var actions = services.GetRequiredService<ActionService>();
        var secretariat = new Actor("Sam Carter", AccessLevel.Secretariat);

        var january = (await meetings.ListAsync(new DateOnly(2017, 1, 31), new DateOnly(2017, 1, 31))).Single();
        var february = (await meetings.ListAsync(new DateOnly(2017, 2, 1), new DateOnly(2017, 3, 31))).First(m => m.SeriesId == january.SeriesId);
        (SeriesId, January, February) = (january.SeriesId, january.Id, february.Id);
        var section = (await meetings.GetAsync(January))!.Agenda.First(s => s.Items.Count > 0).Number;
        var item = await meetings.AddAgendaItemAsync(January,
            new AgendaItemInput(section, ItemTitle, ItemQuestions, ItemFindings, Restricted: true), secretariat);
        UnderItemReference = (await actions.RaiseAsync(new NewAction(January, ActionUnderItem, ["CC"], DueMeetingId: February, AgendaItemId: item.Id), secretariat)).Reference;
        var restricted = await actions.RaiseAsync(new NewAction(January, RestrictedAction, ["CC"], DueMeetingId: February), secretariat);
        RestrictedReference = restricted.Reference;
        await services.GetRequiredService<PublicationService>().SetActionRestrictedAsync(restricted.Id, true, secretariat);
    }
}

/// <summary>
/// A viewer never reads a restricted agenda item or a restricted action, on any surface: the meeting, the register and
/// each action by the API and on the pages, the exports and the home page. The secretariat reads them on the same
/// surfaces, so each check looks where the restricted text really is.
/// </summary>
[Needs(Need.Database)]
public sealed class RestrictedReadingTests(RestrictedAppFixture app) : IClassFixture<RestrictedAppFixture>
{
    private static readonly string[] Secrets =
    [
        RestrictedAppFixture.ItemTitle, RestrictedAppFixture.ItemQuestions, RestrictedAppFixture.ItemFindings,
        RestrictedAppFixture.ActionUnderItem, RestrictedAppFixture.RestrictedAction,
    ];

    public static TheoryData<string> Surfaces => new(
        "/api/v1/meetings/{january}",
        "/api/v1/meetings/{february}/outstanding",
        "/api/v1/actions?pageSize=500",
        "/api/v1/actions?q=Zircon",
        "/api/v1/actions/{under-item}",
        "/api/v1/actions/{restricted}",
        "/api/v1/actions/export.csv",
        "/api/v1/actions/export.xlsx",
        "/api/v1/meetings/{january}/notes.html",
        "/api/v1/meetings/{february}/actions-pack.docx",
        "/meetings/{january}",
        "/meetings/{february}",
        "/actions/{under-item}",
        "/actions/{restricted}",
        "/");

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task A_viewer_reads_nothing_of_a_restricted_item_or_action_where_the_secretariat_reads_it(string surface)
    {
        var path = Fill(surface);

        var (secretariatStatus, secretariatText) = await ReadAsync(Principal.Secretariat, path);
        Assert.Equal(HttpStatusCode.OK, secretariatStatus);
        Assert.Contains(Secrets, secret => secretariatText.Contains(secret, StringComparison.Ordinal));

        var (viewerStatus, viewerText) = await ReadAsync(Principal.Viewer, path);
        foreach (var secret in Secrets)
            Assert.DoesNotContain(secret, viewerText, StringComparison.Ordinal);
        Assert.DoesNotContain("Zircon", viewerText, StringComparison.Ordinal);
        Assert.DoesNotContain("Quartz", viewerText, StringComparison.Ordinal);
        if (surface.StartsWith("/api/v1/actions/{", StringComparison.Ordinal))
            Assert.Equal(HttpStatusCode.NotFound, viewerStatus);
        else
            Assert.Equal(HttpStatusCode.OK, viewerStatus);
    }

    [Theory]
    [InlineData(Principal.Chair)]
    [InlineData(Principal.OfficerNotOwning)]
    public async Task The_chair_and_officers_read_restricted_items_and_actions_as_the_secretariat_does(Principal principal)
    {
        var (_, meeting) = await ReadAsync(principal, Fill("/api/v1/meetings/{january}"));
        foreach (var secret in Secrets)
            Assert.Contains(secret, meeting, StringComparison.Ordinal);
        var (status, _) = await ReadAsync(principal, Fill("/api/v1/actions/{restricted}"));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_viewers_register_and_insights_count_two_actions_fewer_than_the_secretariats()
    {
        var secretariat = await app.ClientFor(Principal.Secretariat).GetFromJsonAsync<JsonElement>("/api/v1/actions?pageSize=1");
        var viewer = await app.ClientFor(Principal.Viewer).GetFromJsonAsync<JsonElement>("/api/v1/actions?pageSize=1");
        Assert.Equal(secretariat.GetProperty("total").GetInt32() - 2, viewer.GetProperty("total").GetInt32());

        var figure = $"/api/v1/insights.csv?figure=carried&series={app.SeriesId}&from=2017-01-01&to=2017-01-31";
        Assert.Equal(await RaisedAsync(Principal.Secretariat, figure) - 2, await RaisedAsync(Principal.Viewer, figure));
    }

    [Fact]
    public async Task A_meeting_read_by_a_viewer_leaves_the_restricted_item_out_as_its_public_notes_do_and_keeps_the_rest()
    {
        var meeting = await app.ClientFor(Principal.Viewer).GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{app.January}");
        var full = await app.ClientFor(Principal.Secretariat).GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{app.January}");
        Assert.Equal(Titles(full).Where(t => t != RestrictedAppFixture.ItemTitle), Titles(meeting));
        Assert.NotEmpty(Titles(meeting));
        Assert.Equal(full.GetProperty("actionsArising").GetArrayLength() - 2, meeting.GetProperty("actionsArising").GetArrayLength());
    }

    [Theory]
    [InlineData(AccessLevel.Officer, true)]
    [InlineData(AccessLevel.Viewer, false)]
    public async Task A_calendar_feed_has_restricted_actions_only_for_an_account_that_may_read_them(AccessLevel level, bool shown)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var chiefConstable = (await scope.ServiceProvider.GetRequiredService<HoldingToAccount.Dashboard.Auth.AccountService>()
            .FindAsync("anthony.bangham@example.org"))!.PersonId!.Value;

        var feed = await app.Factory.Services.GetRequiredService<HoldingToAccount.Core.Export.CalendarFeeds>()
            .PersonFeedAsync(chiefConstable, new Actor("Anthony Bangham", level, chiefConstable));

        Assert.NotNull(feed);
        Assert.Equal(shown, feed.Contains("Quartz", StringComparison.Ordinal));
        Assert.Equal(shown, feed.Contains("Zircon", StringComparison.Ordinal));
    }

    private static List<string> Titles(JsonElement meeting) =>
        meeting.GetProperty("agenda").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("title").GetString()!).ToList();

    /// <summary>The "Raised in the period" column of the carried figure, summed over the owners.</summary>
    private async Task<int> RaisedAsync(Principal principal, string figure)
    {
        var csv = await app.ClientFor(principal).GetStringAsync(figure);
        return csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Sum(line => int.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private string Fill(string surface) => surface
        .Replace("{january}", app.January.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{february}", app.February.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{under-item}", ActionReference.ToUrl(app.UnderItemReference), StringComparison.Ordinal)
        .Replace("{restricted}", ActionReference.ToUrl(app.RestrictedReference), StringComparison.Ordinal);

    /// <summary>The response as text; a Word or Excel file (a zip) as the text of its parts.</summary>
    private async Task<(HttpStatusCode Status, string Text)> ReadAsync(Principal principal, string path)
    {
        using var response = await app.ClientFor(principal).GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
            return (response.StatusCode, Encoding.UTF8.GetString(bytes));
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        return (response.StatusCode, text.ToString());
    }
}
