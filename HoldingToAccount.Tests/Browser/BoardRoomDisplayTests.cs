using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser;

/// <summary>
/// The board on a real room screen: a meeting with fifteen actions brought forward fits 1920×1080, 1280×720 and a 4K
/// screen at 200 % without ever scrolling, paging through its actions; one action can be put in focus, large; and the
/// chair chooses from the Run page which meeting the room screen shows. Each test makes its own meeting (in 2027, after
/// everything the demo register holds) and its own display, so the other boards keep showing the next meeting.
/// </summary>
[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed class BoardRoomDisplayTests(BrowserFixture browser)
{
    private static readonly string[] Texts =
    [
        "Provide a report on the effectiveness of the burglary minimum standard across all local policing areas",
        "Review the use of stop and search powers in the south of the force area and report on disproportionality",
        "Set out how the force will meet the national target for 999 call answering within ten seconds",
        "Explain the increase in overtime spend in the custody suites and the plan to bring it back within budget",
        "Confirm the timetable for replacing the mobile data terminals in response vehicles",
    ];

    private IServiceProvider Services => browser.App.Factory.Services;

    [Fact]
    public async Task Fifteen_actions_brought_forward_are_all_shown_at_1920_by_1080_without_the_board_ever_scrolling()
    {
        var (meeting, actions) = await MeetingWithActionsBroughtForwardAsync(15);
        var path = await DisplayShowingAsync(meeting.Id);
        var board = await OpenBoardAsync(path, 1920, 1080);
        var pageIndicator = board.GetByTestId("board-page");
        await Expect(pageIndicator).ToContainTextAsync("of 15");

        var seen = await PageThroughAsync(board, actions.Count);

        Assert.Equal(actions.Select(a => a.Reference).Order(), seen.Order());
        Assert.True(await FontSizeAsync(board.Locator("[data-testid=board-action]:visible .board-text").First) >= 32);
        Assert.True(await FontSizeAsync(board.Locator("[data-testid=board-action]:visible [data-testid=board-status]").First) >= 24);
        Assert.True(await FontSizeAsync(board.Locator("[data-testid=board-action]:visible [data-testid=board-owners]").First) >= 24);
        await Expect(board.Locator("[data-testid=board-action]:visible [data-testid=board-owners]").First).ToContainTextAsync("CC — Anthony Bangham");
        await Expect(board.Locator("[data-testid=board-action]:visible [data-testid=board-due]").First).ToContainTextAsync("Due at the February 2027 meeting");
        await board.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("room-board-1920x1080.png") });

        var focused = actions[8];
        Services.GetRequiredService<PresenterFocus>().Discuss(meeting.Id, focused.Id);

        var focus = board.GetByTestId("board-focus");
        await Expect(focus).ToHaveAttributeAsync("data-ref", focused.Reference, new() { Timeout = 10_000 });
        Assert.True(await FontSizeAsync(focus.Locator(".board-text")) >= 32);
        Assert.True(await FontSizeAsync(focus.GetByTestId("board-status")) >= 24);
        Assert.Equal("normal", await focus.Locator(".board-text").EvaluateAsync<string>("e => getComputedStyle(e).fontStyle"));
        Assert.Equal("normal", await focus.GetByTestId("board-latest-update").EvaluateAsync<string>("e => getComputedStyle(e).fontStyle"));
        var itemTimer = board.GetByTestId("board-item-timer");
        await Expect(itemTimer).ToContainTextAsync("this item under 1 min");
        browser.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await Expect(itemTimer).ToContainTextAsync("this item 2 min", new() { Timeout = 10_000 });
        await Expect(pageIndicator).ToContainTextAsync("of 14");
        var others = await PageThroughAsync(board, actions.Count - 1);
        Assert.Equal(actions.Select(a => a.Reference).Order(), others.Append(focused.Reference).Distinct().Order());
        await board.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("room-board-1920x1080-focus.png") });
        await board.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 720, 1, "")]
    [InlineData(1920, 1080, 2, "")]
    [InlineData(1920, 1080, 1, "?theme=dark&clock=off&item-timer=off")]
    public async Task The_board_fits_other_room_screens_and_the_dark_theme_too(int width, int height, int scale, string theme)
    {
        var (meeting, actions) = await MeetingWithActionsBroughtForwardAsync(15);
        var board = await OpenBoardAsync(await DisplayShowingAsync(meeting.Id) + theme, width, height, scale);
        await Expect(board.GetByTestId("board-page")).ToContainTextAsync("of 15");
        await AssertFitsAsync(board);
        var name = $"room-board-{width}x{height}{(scale > 1 ? $"@{scale}x" : "")}{(theme.Contains("dark", StringComparison.Ordinal) ? "-dark" : "")}";
        await board.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"{name}.png") });

        Services.GetRequiredService<PresenterFocus>().Discuss(meeting.Id, actions[0].Id);

        await Expect(board.GetByTestId("board-focus")).ToHaveAttributeAsync("data-ref", actions[0].Reference, new() { Timeout = 10_000 });
        await AssertFitsAsync(board);
        var timers = theme.Contains("clock=off", StringComparison.Ordinal) ? 0 : 1;
        await Expect(board.GetByTestId("board-clock")).ToHaveCountAsync(timers);
        await Expect(board.GetByTestId("board-item-timer")).ToHaveCountAsync(timers);
        await board.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"{name}-focus.png") });
        await board.Context.CloseAsync();
    }

    [Fact]
    public async Task Show_on_the_room_screen_switches_a_display_to_this_meeting_and_the_run_page_says_so()
    {
        var (meeting, _) = await MeetingWithActionsBroughtForwardAsync(3);
        // Another display already shows a meeting of its own, so the displays disagree and the Run page names each.
        var (elsewhere, _) = await MeetingWithActionsBroughtForwardAsync(1);
        await DisplayShowingAsync(elsewhere.Id);
        var screenName = $"Room {Guid.NewGuid():N}"[..13];
        var issued = await Services.GetRequiredService<TokenService>().CreateDisplayTokenAsync(screenName, "test");
        var board = await OpenBoardAsync($"/board/{issued.Token}", 1920, 1080);
        await Expect(board.GetByTestId("board")).Not.ToHaveAttributeAsync("data-meeting", meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var run = await browser.OpenAsAsync(AppRoles.Chair, $"/meetings/{meeting.Id}/run");
        var status = run.GetByTestId("room-screen-current");
        await Expect(status).ToContainTextAsync(screenName);
        await Expect(status).Not.ToContainTextAsync("this meeting");
        await ChooseAsync(run, run.GetByLabel("Which display"), run.Locator("div[data-testid=room-screen-display]"), screenName);
        await run.GetByTestId("room-screen-show").ClickAsync();

        await Expect(board.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(meeting.Title, new() { Timeout = 10_000 });
        await Expect(status).ToContainTextAsync($"{screenName} shows this meeting, section 1 Actions brought forward");
        await run.Locator("[data-testid=room-screen-section][data-section='2'] button").ClickAsync();
        await Expect(board.Locator("[data-testid='board-section'][aria-current='step']")).ToHaveAttributeAsync("data-section", "2", new() { Timeout = 10_000 });
        await Expect(status).ToContainTextAsync($"{screenName} shows this meeting, section 2 Operational and reputational risks");
        await run.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("run-room-screen.png"), FullPage = true });

        await run.GetByTestId("room-screen-release").ClickAsync();

        await Expect(board.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync(meeting.Title, new() { Timeout = 10_000 });
        await Expect(status).Not.ToContainTextAsync("this meeting");
        await board.Context.CloseAsync();
        await run.Context.CloseAsync();
        await Services.GetRequiredService<TokenService>().RevokeDisplayTokenAsync(issued.Id, "test");
    }

    [Fact]
    public async Task Decisions_taken_at_the_meeting_are_stamped_on_the_board_and_counted_in_its_header()
    {
        var (meeting, actions) = await MeetingWithActionsBroughtForwardAsync(3);
        var service = Services.GetRequiredService<ActionService>();
        var march = (await service.CarryTargetsAsync(actions[1].Reference)).Single(m => m.Date == new DateOnly(2027, 3, 30));
        await service.CloseAsync(actions[0].Reference, await VersionAsync(actions[0]), meeting.Id, "Update accepted", RegisterBuilder.Secretariat);
        await service.CarryAsync(actions[1].Reference, await VersionAsync(actions[1]), march.Id, "More time needed", RegisterBuilder.Secretariat, meeting.Id);
        await service.AddUpdateAsync(actions[2].Reference, null, "The chair noted the report on call answering", null, RegisterBuilder.Secretariat, meeting.Id);

        var board = await OpenBoardAsync(await DisplayShowingAsync(meeting.Id), 1920, 1080);

        ILocator Stamp(ActionRow action) => board.Locator($"[data-testid=board-action][data-ref='{action.Reference}'] [data-testid=board-decision]");
        await Expect(Stamp(actions[0])).ToHaveAttributeAsync("data-decision", "closed");
        await Expect(Stamp(actions[1])).ToHaveAttributeAsync("data-decision", "carried");
        await Expect(Stamp(actions[1])).ToContainTextAsync("March 2027");
        await Expect(Stamp(actions[2])).ToHaveAttributeAsync("data-decision", "noted");
        await Expect(board.GetByTestId("board-counts")).ToContainTextAsync("To decide: 1 of 3");
        await Expect(board.GetByTestId("board-counts")).ToContainTextAsync("closed 1");
        await Expect(board.GetByTestId("board-counts")).ToContainTextAsync("carried 1");
        await AssertFitsAsync(board);
        await board.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("room-board-stamps.png") });
        await board.Context.CloseAsync();
    }

    private async Task<int> VersionAsync(ActionRow action) =>
        (await Services.GetRequiredService<ActionService>().GetAsync(action.Reference))!.Action.Version;

    /// <summary>Turns the board's pages (by moving its clock on) until it has shown <paramref name="count"/> actions, checking each page fits.</summary>
    private async Task<HashSet<string>> PageThroughAsync(IPage board, int count)
    {
        var seen = new HashSet<string>();
        for (var turn = 0; turn < count && seen.Count < count; turn++)
        {
            await AssertFitsAsync(board);
            foreach (var reference in await VisibleReferencesAsync(board))
                seen.Add(reference);
            var indicator = await board.GetByTestId("board-page").TextContentAsync();
            browser.App.Clock.Advance(TimeSpan.FromSeconds(15));
            await Expect(board.GetByTestId("board-page")).Not.ToHaveTextAsync(indicator!, new() { Timeout = 10_000 });
        }
        return seen;
    }

    private static async Task<IReadOnlyList<string>> VisibleReferencesAsync(IPage board) =>
        await board.Locator("[data-testid=board-action]:visible").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.ref)");

    /// <summary>The page does not scroll, every action shown is wholly on the screen, and text cut short to a number of
    /// lines ends on a whole line (a clamped box with padding below shows the top of the next line in it).</summary>
    private static async Task AssertFitsAsync(IPage board)
    {
        var fit = await board.EvaluateAsync<bool[]>(@"() => {
            const cards = [...document.querySelectorAll('[data-testid=board-action]')].filter(c => !c.hidden && c.offsetParent !== null);
            const inside = cards.every(c => { const r = c.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5; });
            return [document.scrollingElement.scrollHeight <= innerHeight, document.scrollingElement.scrollWidth <= innerWidth, inside, cards.length > 0];
        }");
        Assert.Equal([true, true, true, true], fit);
        var slivers = await board.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('.board *')]
            .filter(e => e.offsetParent !== null && getComputedStyle(e).webkitLineClamp !== 'none' && e.scrollHeight > e.clientHeight + 1
                && parseFloat(getComputedStyle(e).paddingBottom) >= 1)
            .map(e => e.textContent.trim().slice(0, 60))");
        Assert.True(slivers.Length == 0, $"cut short with part of a further line showing: {string.Join(" | ", slivers)}");
    }

    private static Task<double> FontSizeAsync(ILocator element) =>
        element.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");

    private async Task<IPage> OpenBoardAsync(string path, int width, int height, int scale = 1)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.App.BaseAddress.ToString(),
            Locale = "en-GB",
            ViewportSize = new() { Width = width, Height = height },
            DeviceScaleFactor = scale,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("board")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A display link of its own, showing <paramref name="meetingId"/>.</summary>
    /// <summary>Chooses in a select with the mouse, as a person does: open it, click the option, see it chosen. A click
    /// made in the very frame the list appears can miss it (a person is never that fast), so one that left the list open
    /// with nothing chosen is made again, at most twice.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, ILocator shown, string option)
    {
        await select.ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option });
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await item.ClickAsync();
            try
            {
                await Expect(shown).ToContainTextAsync(option, new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 2)
            {
                if (!await item.IsVisibleAsync())
                    throw;
            }
        }
        await Expect(shown).ToContainTextAsync(option);
    }

    private async Task<string> DisplayShowingAsync(int meetingId)
    {
        var issued = await Services.GetRequiredService<TokenService>().CreateDisplayTokenAsync($"Room {Guid.NewGuid():N}"[..13], "test");
        Services.GetRequiredService<RoomScreen>().Show(meetingId, issued.Id, RegisterBuilder.Secretariat);
        return $"/board/{issued.Token}";
    }

    /// <summary>A series of its own with a February 2027 meeting, and <paramref name="count"/> actions raised in January and due there.</summary>
    private async Task<(MeetingSummary Meeting, IReadOnlyList<ActionRow> Actions)> MeetingWithActionsBroughtForwardAsync(int count)
    {
        int seriesId;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.ActorName = "test";
            var series = new MeetingSeries
            {
                Name = $"Room screen {Guid.NewGuid():N}",
                Kind = "Monthly assurance",
                Sections =
                [
                    new AgendaSection { Number = "1", Title = "Actions brought forward", Order = 1, Purpose = SectionPurpose.BroughtForward },
                    new AgendaSection { Number = "2", Title = "Operational and reputational risks", Order = 2 },
                    new AgendaSection { Number = "3", Title = "Inspection programme and matters arising from the service improvement board, with the force's response", Order = 3 },
                ],
            };
            db.Series.Add(series);
            await db.SaveChangesAsync();
            seriesId = series.Id;
        }
        var meetings = Services.GetRequiredService<MeetingService>();
        var actions = Services.GetRequiredService<ActionService>();
        var january = await meetings.CreateAsync(new NewMeeting(seriesId, new DateOnly(2027, 1, 26), new TimeOnly(10, 30), Chair: "John Campion"), RegisterBuilder.Secretariat);
        var february = await meetings.CreateAsync(new NewMeeting(seriesId, new DateOnly(2027, 2, 23), new TimeOnly(10, 30), Chair: "John Campion"), RegisterBuilder.Secretariat);
        await meetings.CreateAsync(new NewMeeting(seriesId, new DateOnly(2027, 3, 30), new TimeOnly(10, 30), Chair: "John Campion"), RegisterBuilder.Secretariat);
        var raised = new List<ActionRow>();
        for (var i = 0; i < count; i++)
        {
            var action = await actions.RaiseAsync(
                new NewAction(january.Id, Texts[i % Texts.Length], i % 4 == 3 ? ["PCC", "CC"] : ["CC"], DuePhrase: "to the February meeting", DueMeetingId: february.Id),
                RegisterBuilder.Secretariat);
            if (i % 2 == 0)
                await actions.AddUpdateAsync(action.Reference, null, "A written update has been circulated to members; the force will report progress against each milestone at the next meeting.", null, RegisterBuilder.Secretariat);
            raised.Add(action);
        }
        return (february, raised);
    }
}
