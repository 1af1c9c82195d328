using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser.Pages;

/// <summary>The Run-meeting page, in the steps the secretariat takes on it while the meeting sits.</summary>
public sealed class RunMeetingPage(IPage page)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The actions brought forward to this meeting, one card each.</summary>
    public ILocator Actions => page.GetByTestId("run-action");

    public ILocator Action(string reference) => page.Locator($"[data-testid=run-action][data-ref='{reference}']");

    public ILocator Message(string text) => page.GetByText(text);

    public ILocator BoardFocus => page.GetByTestId("room-screen-current");

    public ILocator QuickEntryPreview => page.GetByTestId("quick-entry-preview");

    public ILocator PreviewOwners => page.GetByTestId("preview-owners");

    /// <summary>The register's rows below the page, where an action added here shows.</summary>
    public ILocator RegisterRows => page.GetByTestId("action-row");

    private ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    /// <summary>From the meetings list: opens the meeting called <paramref name="title"/> and starts running it.</summary>
    public static async Task<RunMeetingPage> StartFromMeetingsAsync(IPage page, string title)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.GetByTestId("run-meeting").ClickAsync();
        var run = new RunMeetingPage(page);
        await Expect(run.Heading).ToContainTextAsync("Run: " + title);
        return run;
    }

    /// <summary>The references of the actions brought forward, in the order shown.</summary>
    public async Task<IReadOnlyList<string>> ReferencesAsync()
    {
        var references = new List<string>();
        for (var i = 0; i < await Actions.CountAsync(); i++)
            references.Add(await Actions.Nth(i).GetAttributeAsync("data-ref") ?? throw new InvalidOperationException("an action card without a reference"));
        return references;
    }

    public async Task CloseAsync(string reference, string closingNote)
    {
        await Action(reference).GetByTestId("decision-close").ClickAsync();
        await FillAndLeaveAsync("Closing note", closingNote);
        await Dialog.GetByTestId("decision-confirm").ClickAsync();
    }

    /// <summary>Carries the action to the meeting whose choice in the list contains <paramref name="meeting"/> ("April 2017").</summary>
    public async Task CarryAsync(string reference, string meeting, string reason)
    {
        await Action(reference).GetByTestId("decision-carry").ClickAsync();
        await Dialog.GetByLabel("Carry to meeting").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = meeting }).ClickAsync();
        await FillAndLeaveAsync("Reason", reason);
        await Dialog.GetByTestId("decision-confirm").ClickAsync();
    }

    /// <summary>Shows the agenda section numbered <paramref name="section"/> on every board.</summary>
    public Task ShowOnBoardsAsync(string section) =>
        page.Locator($"[data-testid=room-screen-section][data-section='{section}'] button").ClickAsync();

    /// <summary>Writes an action arising the way the notes word it and asks for the preview (see <see cref="QuickEntryPreview"/>).</summary>
    public async Task CheckQuickEntryAsync(string text)
    {
        await page.GetByTestId("quick-entry-text").FillAsync(text);
        await page.GetByTestId("quick-entry-check").ClickAsync();
    }

    public Task SaveQuickEntryAsync() => page.GetByTestId("quick-entry-save").ClickAsync();

    /// <summary>Leaves the field as a person would, so its value is committed before a button is pressed.</summary>
    private async Task FillAndLeaveAsync(string label, string text)
    {
        await Dialog.GetByLabel(label).FillAsync(text);
        await Dialog.GetByLabel(label).PressAsync("Tab");
    }

    /// <summary>The decision dialog, while it is open.</summary>
    public ILocator DecisionDialog => Dialog;

    public ILocator Presets => Dialog.GetByTestId("decision-preset");

    public ILocator Confirm => Dialog.GetByTestId("decision-confirm");

    /// <summary>The result message of the last decision, with its Undo button.</summary>
    public ILocator UndoButton => page.Locator(".mud-snackbar").GetByRole(AriaRole.Button, new() { Name = "Undo" });

    /// <summary>Presses keys one after another, as the chair would (no mouse).</summary>
    public async Task PressAsync(params string[] keys)
    {
        foreach (var key in keys)
            await page.Keyboard.PressAsync(key);
    }

    /// <summary>ArrowDown on a focused list opens it.</summary>
    public Task OpenListAsync(ILocator options) =>
        PatientKeys.PressAsync(page, "ArrowDown", timeout => Expect(options.First).ToBeVisibleAsync(new() { Timeout = timeout }));

    /// <summary>Enter on the preset in focus picks it and moves to the main button; Enter there decides.</summary>
    public async Task PickPresetAndConfirmAsync()
    {
        await PatientKeys.PressAsync(page, "Enter", timeout => Expect(Confirm).ToBeFocusedAsync(new() { Timeout = timeout }));
        // The main button decides only once (a second press while it saves does nothing), so pressing again is safe.
        await PatientKeys.PressAsync(page, "Enter", timeout => Expect(DecisionDialog).ToHaveCountAsync(0, new() { Timeout = timeout }),
            on: Confirm, unlessGone: Confirm);
    }

    /// <summary>Presses Tab until <paramref name="target"/> has focus; fails if it is not reached within <paramref name="most"/> presses.</summary>
    public async Task TabToAsync(ILocator target, int most = 12)
    {
        for (var i = 0; i < most; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
                return;
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(target).ToBeFocusedAsync();
    }
}
