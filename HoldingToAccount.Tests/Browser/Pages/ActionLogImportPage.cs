using HoldingToAccount.Dashboard.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser.Pages;

/// <summary>The action-log import, in the steps the secretariat takes: upload, correct the columns, preview, commit.</summary>
public sealed class ActionLogImportPage(IPage page)
{
    /// <summary>Reading and checking a log takes a while on a loaded machine.</summary>
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 20_000 };

    public IPage Page => page;
    public ILocator Problems => page.GetByTestId("log-problems");
    public ILocator Preview => page.GetByTestId("log-rows");
    public ILocator Result => page.GetByTestId("log-result");
    public ILocator Error => page.GetByTestId("log-error");

    public static async Task<ActionLogImportPage> OpenAsync(BrowserFixture browser)
    {
        var import = new ActionLogImportPage(await browser.OpenAsAsync(AppRoles.Secretariat, "/import/action-log"));
        await Expect(import.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Import an action log");
        return import;
    }

    /// <summary>Uploads a log and waits until its columns are shown.</summary>
    public async Task UploadAsync(FilePayload file)
    {
        await Expect(page.GetByTestId("log-upload")).ToHaveAttributeAsync("data-ready", "true");
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await Expect(page.GetByTestId("log-file-name")).ToContainTextAsync(file.Name, Patiently);
    }

    /// <summary>The select that says what the column headed <paramref name="header"/> is read as.</summary>
    public ILocator Mapping(string header) => page.GetByTestId("mapping-row").And(page.Locator($"[data-column=\"{header}\"]")).Locator("select");

    /// <summary>Reads the column headed <paramref name="header"/> as <paramref name="field"/> and waits for the preview to follow.</summary>
    public async Task MapAsync(string header, string field, string previewShows)
    {
        await Mapping(header).SelectOptionAsync(new SelectOptionValue { Label = field });
        await Expect(Preview).ToContainTextAsync(previewShows, Patiently);
    }

    public async Task CommitAsync(string expected)
    {
        await page.GetByTestId("log-commit-button").ClickAsync();
        await Expect(Result).ToContainTextAsync(expected, Patiently);
    }
}
