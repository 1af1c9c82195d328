using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.Browser;
using Microsoft.Playwright;
using HoldingToAccount.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Import;

/// <summary>
/// The review-and-commit flow in Chromium: upload notes (dated October 2015, before every meeting of the demo register,
/// with a due date far ahead so nothing else's outstanding lists change), correct the owner, commit, find the action.
/// </summary>
[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed class ImportPageBrowserTests(BrowserFixture browser)
{
    private static string Notes => NotesTestFiles.PathOf("commit", "browser_import_2015.txt");

    [Fact]
    public async Task The_secretariat_uploads_notes_corrects_an_owner_commits_and_finds_the_action_in_the_register()
    {
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/import");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Import meeting notes");

        await Expect(page.GetByTestId("import-upload")).ToHaveAttributeAsync("data-ready", "true");
        await page.Locator("input[type=file]").SetInputFilesAsync(Notes);

        await Expect(page.GetByTestId("import-file-name")).ToContainTextAsync("browser_import_2015.txt", new() { Timeout = 15_000 });
        var source = page.GetByTestId("import-source-text");
        await Expect(source).ToContainTextAsync("<script>alert('not run')</script>");
        Assert.Equal(0, await source.Locator("script").CountAsync());
        await Expect(page.GetByTestId("source-span").Filter(new() { HasText = "by 31 December 2030" })).ToHaveAttributeAsync("data-kind", "due");
        var action = page.GetByTestId("import-action").First;
        await Expect(action.GetByTestId("import-owner-needed")).ToContainTextAsync("“WF” is not a role here");

        await action.Locator("[data-testid=owner-chip][data-code=ACC]").ClickAsync();
        await Expect(action.GetByTestId("import-owner-needed")).ToHaveCountAsync(0);
        await page.GetByTestId("import-check").ClickAsync();
        await Expect(page.GetByTestId("import-confirm")).ToContainTextAsync("1 actions raised", new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("import-review.png"), FullPage = true });
        await page.GetByTestId("import-confirm-commit").ClickAsync();

        var result = page.GetByTestId("import-result");
        await Expect(result).ToContainTextAsync("Imported Holding to Account Meeting – October 2015", new() { Timeout = 15_000 });
        var reference = await page.GetByTestId("import-outcome").First.GetAttributeAsync("data-ref");
        Assert.StartsWith("2015/", reference, StringComparison.Ordinal);

        await page.GotoAsync("/actions?q=rural%20crime%20strategy");
        var row = page.GetByTestId("action-link").Filter(new() { HasText = reference! });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("register-grid")).ToContainTextAsync("ACC");

        // The same notes again are recognised and offered as an update, never duplicated.
        await page.GotoAsync("/import");
        await Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("import-upload")).ToHaveAttributeAsync("data-ready", "true");
        await page.Locator("input[type=file]").SetInputFilesAsync(Notes);
        await Expect(page.GetByTestId("import-previous")).ToContainTextAsync("imported before", new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_file_of_the_wrong_kind_is_refused_with_a_clear_message()
    {
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/import");

        await Expect(page.GetByTestId("import-upload")).ToHaveAttributeAsync("data-ready", "true");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "notes.pdf", MimeType = "application/pdf", Buffer = [0x25, 0x50, 0x44, 0x46] });

        await Expect(page.GetByTestId("import-error")).ToContainTextAsync("only .txt, .html, .htm, .docx notes can be imported", new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
    }
}
