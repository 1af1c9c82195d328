using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.Browser.Pages;
using HoldingToAccount.Tests.TestData;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser.Journeys;

/// <summary>The chair's meeting decides on the demo register's February 2017 actions, which the board shows by default
/// (the next meeting by date), so it gets an app and database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class ChairKeyboardCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "chair-keyboard";
}

[Needs(Need.Database, Need.Browser)]
[Collection(ChairKeyboardCollection.Name)]
public sealed class ChairKeyboardJourneyTests(BrowserFixture browser)
{
    private const string Meeting = "Monthly Assurance Meeting February 2017";

    [Fact]
    public async Task The_chair_runs_the_meeting_with_the_keyboard_alone_and_every_decision_reaches_the_board()
    {
        var board = await browser.OpenAsync(browser.App.DisplayPath, signedIn: false);
        var page = await browser.OpenAsAsync(AppRoles.Chair, "/meetings");
        await page.SetViewportSizeAsync(1440, 900);
        var run = await OpenRunPageByKeyboardAsync(page);
        await Expect(run.Actions).ToHaveCountAsync(2);
        var (first, second) = await run.ReferencesAsync() is [var a, var b] ? (a, b) : throw new InvalidOperationException("two actions expected");

        // Step through the actions: J and K from anywhere on the page, without a click.
        await run.PressAsync("j");
        await Expect(run.Action(first)).ToBeFocusedAsync();
        await run.PressAsync("j");
        await Expect(run.Action(second)).ToBeFocusedAsync();
        await run.PressAsync("k");
        await Expect(run.Action(first)).ToBeFocusedAsync();

        // C: the dialog names the act, opens on the first preset, and shows no error before anything is done.
        await run.PressAsync("c");
        await Expect(run.DecisionDialog).ToBeVisibleAsync();
        await Expect(run.Presets.First).ToBeFocusedAsync();
        await Expect(run.Confirm).ToHaveTextAsync("Close action");
        await Expect(run.DecisionDialog.GetByTestId("decision-back")).ToHaveTextAsync("Back");
        await Expect(run.DecisionDialog.Locator(".mud-input-error")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("run-keyboard-close-dialog-1440.png") });

        // Enter picks "Update accepted" and moves to "Close action"; Enter again closes it.
        await run.PressAsync("Enter");
        await Expect(run.Presets.First).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(run.Confirm).ToBeFocusedAsync();
        await run.PressAsync("Enter");
        await Expect(run.Message($"Action {first} closed.")).ToBeVisibleAsync();
        await Expect(run.Action(first).GetByTestId("action-status")).ToContainTextAsync("Closed");
        await Expect(run.Action(first)).ToBeFocusedAsync();
        await Expect(Stamp(board, first)).ToHaveAttributeAsync("data-decision", "closed", new() { Timeout = 10_000 });
        await Expect(run.UndoButton).ToBeVisibleAsync();

        // Z undoes it, here and on the board.
        await run.PressAsync("z");
        await Expect(run.Action(first).GetByTestId("decision-close")).ToBeVisibleAsync();
        await Expect(Stamp(board, first)).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Expect(run.Action(first)).ToBeFocusedAsync();

        // Closed again, for good this time: a second dialog opens on its first preset just as the first did.
        await run.PressAsync("c");
        await Expect(run.Presets.First).ToBeFocusedAsync();
        await run.PickPresetAndConfirmAsync();
        await Expect(run.Action(first).GetByTestId("action-status")).ToContainTextAsync("Closed");
        await Expect(Stamp(board, first)).ToHaveAttributeAsync("data-decision", "closed", new() { Timeout = 10_000 });

        // O reopens it, with a preset reason; the board says so in place of CLOSED.
        await Expect(run.Action(first)).ToBeFocusedAsync();
        await run.PressAsync("o");
        await Expect(run.Confirm).ToHaveTextAsync("Reopen action");
        await Expect(run.Presets.First).ToBeFocusedAsync();
        await run.PickPresetAndConfirmAsync();
        await Expect(run.Action(first).GetByTestId("decision-close")).ToBeVisibleAsync();
        await Expect(Stamp(board, first)).ToHaveAttributeAsync("data-decision", "reopened", new() { Timeout = 10_000 });

        // F on the next action: the meeting to carry it to is chosen with the arrow keys, then a preset, then Enter.
        await Expect(run.Action(first)).ToBeFocusedAsync();
        await run.PressAsync("j");
        await Expect(run.Action(second)).ToBeFocusedAsync();
        await run.PressAsync("f");
        var carryTo = run.DecisionDialog.GetByLabel("Carry to meeting");
        await Expect(carryTo).ToBeFocusedAsync();
        // At a person's pace: each key once the list shows what the last one did.
        var highlighted = page.Locator(".mud-popover-open .mud-list-item.mud-selected-item");
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await run.OpenListAsync(options);
        await Expect(options.First).ToContainTextAsync("April 2017");
        await Expect(options.Filter(new() { HasText = "February 2017" })).ToHaveCountAsync(0);
        await run.PressAsync("ArrowDown");
        await Expect(highlighted).ToContainTextAsync("April 2017");
        await run.PressAsync("Enter");
        await Expect(run.DecisionDialog.Locator("div[data-testid=carry-meeting]")).ToContainTextAsync("Monthly Assurance Meeting April 2017");
        await run.TabToAsync(run.Presets.First);
        await run.PickPresetAndConfirmAsync();
        await Expect(run.Action(second).GetByTestId("moved-on")).ToContainTextAsync("April 2017");
        await Expect(Stamp(board, second)).ToHaveAttributeAsync("data-decision", "carried", new() { Timeout = 10_000 });
        await Expect(Stamp(board, second)).ToContainTextAsync("April 2017");

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("run-keyboard-1440.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await Expect(run.Action(first).GetByTestId("decision-close")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("run-keyboard-390x844.png"), FullPage = true });
        await board.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("run-keyboard-board.png") });
        await page.Context.CloseAsync();
        await board.Context.CloseAsync();
    }

    [Fact]
    public async Task Keys_typed_into_a_text_box_on_the_run_page_stay_in_the_box()
    {
        var page = await browser.OpenAsAsync(AppRoles.Chair, "/meetings");
        var run = await OpenRunPageByKeyboardAsync(page);
        var box = page.GetByTestId("quick-entry-text");
        await box.FocusAsync();

        await page.Keyboard.TypeAsync("cfdzjk");

        await Expect(box).ToHaveValueAsync("cfdzjk");
        await Expect(run.DecisionDialog).ToHaveCountAsync(0);
        await Expect(box).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>From the meetings list to the Run page with Enter on the focused link and button, as after Tab.</summary>
    private static async Task<RunMeetingPage> OpenRunPageByKeyboardAsync(IPage page)
    {
        await PatientKeys.PressAsync(page, "Enter",
            timeout => Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Meeting, new() { Timeout = timeout }),
            on: page.GetByRole(AriaRole.Link, new() { Name = Meeting }));
        // The meeting page's button is pressed once the page is live: before that a re-render can take its focus.
        await Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        var run = new RunMeetingPage(page);
        await PatientKeys.PressAsync(page, "Enter",
            timeout => Expect(run.Heading).ToContainTextAsync("Run: " + Meeting, new() { Timeout = timeout }),
            on: page.GetByTestId("run-meeting"));
        await Expect(page.Locator("html[data-run-keys=on]")).ToHaveCountAsync(1);
        return run;
    }

    /// <summary>The decision stamp on the action as the board shows it now.</summary>
    private static ILocator Stamp(IPage board, string reference) =>
        board.Locator($"[data-testid=board-action][data-ref='{reference}']:not([hidden]) [data-testid=board-decision]").First;
}
