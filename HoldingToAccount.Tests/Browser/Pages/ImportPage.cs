using HoldingToAccount.Dashboard.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser.Pages;

/// <summary>The Import page, in the steps the secretariat takes: upload notes, review and correct, check, commit.</summary>
public sealed class ImportPage(IPage page)
{
    /// <summary>Reading and checking notes takes a while on a loaded machine.</summary>
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 15_000 };

    public IPage Page => page;

    public ILocator FileName => page.GetByTestId("import-file-name");
    public ILocator SourceText => page.GetByTestId("import-source-text");
    public ILocator SourceSpan(string text) => page.GetByTestId("source-span").Filter(new() { HasText = text });

    /// <summary>The actions read from the notes, one card each.</summary>
    public ILocator Actions => page.GetByTestId("import-action");

    public ILocator Error => page.GetByTestId("import-error");
    public ILocator ImportedBefore => page.GetByTestId("import-previous");
    public ILocator Confirmation => page.GetByTestId("import-confirm");
    public ILocator Result => page.GetByTestId("import-result");

    public static async Task<ImportPage> OpenAsync(BrowserFixture browser)
    {
        var import = new ImportPage(await browser.OpenAsAsync(AppRoles.Secretariat, "/import"));
        await Expect(import.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Import meeting notes");
        return import;
    }

    /// <summary>Opens the page again in the same browser, as after following a link to it.</summary>
    public async Task ReopenAsync()
    {
        await page.GotoAsync("/import");
        await Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
    }

    /// <summary>Uploads the notes at <paramref name="path"/> and waits until they are read.</summary>
    public async Task UploadAsync(string path)
    {
        await ChooseFileAsync(input => input.SetInputFilesAsync(path));
        await Expect(FileName).ToContainTextAsync(Path.GetFileName(path), Patiently);
    }

    /// <summary>Uploads a file that may be refused (see <see cref="Error"/>).</summary>
    public Task UploadAsync(FilePayload file) => ChooseFileAsync(input => input.SetInputFilesAsync(file));

    /// <summary>Gives the action read <paramref name="index"/>th (from 0) the owner whose role chip shows <paramref name="roleCode"/>.</summary>
    public Task ChooseOwnerAsync(int index, string roleCode) =>
        Actions.Nth(index).Locator($"[data-testid=owner-chip][data-code={roleCode}]").ClickAsync();

    /// <summary>Asks what committing would do, and waits for the answer to contain <paramref name="expected"/>.</summary>
    public async Task CheckAsync(string expected)
    {
        await page.GetByTestId("import-check").ClickAsync();
        await Expect(Confirmation).ToContainTextAsync(expected, Patiently);
    }

    /// <summary>Commits, waits for the result to contain <paramref name="expected"/>, and returns the first new action's reference.</summary>
    public async Task<string> CommitAsync(string expected)
    {
        await page.GetByTestId("import-confirm-commit").ClickAsync();
        await Expect(Result).ToContainTextAsync(expected, Patiently);
        return await page.GetByTestId("import-outcome").First.GetAttributeAsync("data-ref") ?? throw new InvalidOperationException("no reference on the outcome");
    }

    public Task ExpectRefusedAsync(string message) => Expect(Error).ToContainTextAsync(message, Patiently);

    public Task ExpectImportedBeforeAsync() => Expect(ImportedBefore).ToContainTextAsync("imported before", Patiently);

    private async Task ChooseFileAsync(Func<ILocator, Task> choose)
    {
        await Expect(page.GetByTestId("import-upload")).ToHaveAttributeAsync("data-ready", "true");
        await choose(page.Locator("input[type=file]"));
    }
}
