using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Reminders.Chasing;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser.Journeys;

/// <summary>
/// The secretariat chases the owners without an update, by keyboard: meeting page, "Owners without an update",
/// preview, note, send; the Outbox lists the chases and the mail went out. A series of its own, so other journeys'
/// updates do not change who is chased.
/// </summary>
[Needs(Need.Database, Need.Browser)]
[Collection(JourneyCollection.Name)]
public sealed class ChaseJourneyTests(BrowserFixture browser)
{
    private IServiceProvider Services => browser.App.Factory.Services;

    [Fact]
    public async Task The_secretariat_chases_the_owners_without_an_update_from_the_meeting_page_and_the_chases_go_out_once()
    {
        var (february, silentCc, silentDcc, updated) = await MeetingWithOwnersToChaseAsync();
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, $"/meetings/{february}", new() { Width = 1440, Height = 900 });

        var panel = page.GetByTestId("chase-panel");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Owners without an update" })).ToBeVisibleAsync();
        await Expect(panel.GetByTestId("updates-in-time")).ToHaveTextAsync("Updates received 48 h before the meeting: 1 of 3");
        await Expect(panel.GetByTestId("chase-candidate")).ToHaveCountAsync(2);
        await Expect(panel.Locator($"[data-testid=chase-candidate][data-ref='{updated}']")).ToHaveCountAsync(0);
        await panel.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("chase-panel-1440.png") });

        await panel.GetByTestId("chase-all").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByTestId("chase-dialog");
        await Expect(dialog.GetByTestId("chase-recipient")).ToHaveCountAsync(2);
        await Expect(dialog.Locator($"[data-testid=chase-recipient][data-ref='{silentCc}']")).ToContainTextAsync("Anthony Bangham");
        await Expect(dialog.GetByTestId("chase-summary")).ToContainTextAsync("2 e-mails");
        var note = dialog.Locator("textarea[data-testid=chase-note], [data-testid=chase-note] textarea").First;
        await note.FocusAsync();
        await page.Keyboard.TypeAsync("Please post an update before the pre-meet on Thursday.");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("chase-dialog-1440.png") });
        await page.GetByTestId("chase-send").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByText("2 chases sent.")).ToBeVisibleAsync();
        await Expect(panel.GetByTestId("chased-today")).ToHaveCountAsync(2);

        // A second chase the same day says so rather than sending again.
        await panel.GetByTestId("chase-all").ClickAsync();
        await Expect(dialog.GetByTestId("chase-summary")).ToContainTextAsync("went earlier today, so nothing more will be sent");
        await Expect(page.GetByTestId("chase-send")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync("/outbox");
        var chases = page.GetByTestId("delivery-row").Filter(new() { HasText = "Chase for an update" });
        await Expect(chases.Filter(new() { HasText = silentCc })).ToHaveCountAsync(1);
        await Expect(chases.Filter(new() { HasText = silentDcc })).ToHaveCountAsync(1);
        await Expect(chases.Filter(new() { HasText = silentCc })).ToContainTextAsync($"Update needed on action {silentCc}");

        var mail = await PickedUpAsync(silentCc, silentDcc);
        Assert.Contains(mail[silentCc], m => m.Contains("Please post an update before the pre-meet on Thursday.", StringComparison.Ordinal)
            && m.Contains("anthony.bangham@example.org", StringComparison.Ordinal));
        Assert.Single(mail[silentDcc]);

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/meetings/{february}");
        // The prerendered panel is replaced once the page goes live; the picture is of the live one.
        await Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("chase-panel").GetByTestId("chased-today")).ToHaveCountAsync(2);
        await page.GetByTestId("chase-panel").ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("chase-panel-390.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_escalated_action_is_flagged_in_words_on_the_room_screen()
    {
        var (february, silentCc, _, _) = await MeetingWithOwnersToChaseAsync();
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var year = int.Parse(silentCc[..4], System.Globalization.CultureInfo.InvariantCulture);
            var sequence = int.Parse(silentCc[5..], System.Globalization.CultureInfo.InvariantCulture);
            var id = await db.Actions.Where(a => a.Year == year && a.Sequence == sequence).Select(a => a.Id).SingleAsync();
            db.Set<Escalation>().Add(new Escalation { ActionItemId = id, Reason = EscalationReason.Overdue, Threshold = 28, EscalatedOn = new DateOnly(2017, 2, 1), CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var issued = await Services.GetRequiredService<TokenService>().CreateDisplayTokenAsync($"Room {Guid.NewGuid():N}"[..13], "test");
        Services.GetRequiredService<RoomScreen>().Show(february, issued.Id, RegisterBuilder.Secretariat);
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.App.BaseAddress.ToString(), Locale = "en-GB", ViewportSize = new() { Width = 1920, Height = 1080 },
        });
        var board = await context.NewPageAsync();
        await board.GotoAsync($"/board/{issued.Token}");
        await Expect(board.GetByTestId("board")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        var card = board.Locator($"[data-testid=board-action][data-ref='{silentCc}']");
        await Expect(card.GetByTestId("board-escalated")).ToHaveTextAsync("Escalated: overdue 28+ days");
        await board.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("board-escalated-1920.png") });
        await context.CloseAsync();
    }

    /// <summary>A series of its own (today is 1 February 2017): 10 January raised three actions due at February; the ACC's has an update.</summary>
    private async Task<(int February, string SilentCc, string SilentDcc, string Updated)> MeetingWithOwnersToChaseAsync()
    {
        int seriesId;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.ActorName = "test";
            var series = new MeetingSeries
            {
                Name = $"Chasing {Guid.NewGuid():N}"[..17],
                Kind = "Monthly assurance",
                Sections = [new AgendaSection { Number = "1", Title = "Actions brought forward", Order = 1, Purpose = SectionPurpose.BroughtForward }],
            };
            db.Series.Add(series);
            await db.SaveChangesAsync();
            seriesId = series.Id;
        }
        var meetings = Services.GetRequiredService<MeetingService>();
        var actions = Services.GetRequiredService<ActionService>();
        var january = await meetings.CreateAsync(new NewMeeting(seriesId, new DateOnly(2017, 1, 10), new TimeOnly(10, 30), Chair: "John Campion"), RegisterBuilder.Secretariat);
        var february = await meetings.CreateAsync(new NewMeeting(seriesId, new DateOnly(2017, 2, 21), new TimeOnly(10, 30), Chair: "John Campion"), RegisterBuilder.Secretariat);
        async Task<string> RaiseAsync(string text, string owner) =>
            (await actions.RaiseAsync(new NewAction(january.Id, text, [owner], DuePhrase: "to the February meeting", DueMeetingId: february.Id), RegisterBuilder.Secretariat)).Reference;
        var cc = await RaiseAsync("Report on 999 call answering times against the national target", "CC");
        var dcc = await RaiseAsync("Brief the panel on the Athena records system", "DCC");
        var acc = await RaiseAsync("Review the custody suites' overtime spend", "ACC");
        await actions.AddUpdateAsync(acc, null, "Review under way; report to the February meeting.", null, RegisterBuilder.Secretariat);
        return (february.Id, cc, dcc, acc);
    }

    /// <summary>The chase messages in the app's pickup folder, by the reference in their subject (waits for them to arrive).</summary>
    private async Task<Dictionary<string, List<string>>> PickedUpAsync(params string[] references)
    {
        var found = references.ToDictionary(r => r, _ => new List<string>());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            foreach (var list in found.Values)
                list.Clear();
            foreach (var file in Directory.Exists(browser.App.MailPickup) ? Directory.GetFiles(browser.App.MailPickup, "*.eml") : [])
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                foreach (var reference in references.Where(r => message.Subject?.StartsWith($"Update needed on action {r} ", StringComparison.Ordinal) == true))
                    found[reference].Add(message.To.ToString() + "\n" + message.TextBody);
            }
            if (found.Values.All(l => l.Count > 0) || DateTime.UtcNow > deadline)
                return found;
            await Task.Delay(200);
        }
    }
}
