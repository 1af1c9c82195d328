using HoldingToAccount.Tests.Browser;
using HoldingToAccount.Tests.Browser.Pages;
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
        var import = await ImportPage.OpenAsync(browser);

        await import.UploadAsync(Notes);
        await Expect(import.SourceText).ToContainTextAsync("<script>alert('not run')</script>");
        Assert.Equal(0, await import.SourceText.Locator("script").CountAsync());
        await Expect(import.SourceSpan("by 31 December 2030")).ToHaveAttributeAsync("data-kind", "due");
        var action = import.Actions.First;
        await Expect(action.GetByTestId("import-owner-needed")).ToContainTextAsync("“WF” is not a role here");

        await import.ChooseOwnerAsync(0, "ACC");
        await Expect(action.GetByTestId("import-owner-needed")).ToHaveCountAsync(0);
        await import.CheckAsync("1 action raised");
        await import.Page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("import-review.png"), FullPage = true });
        var reference = await import.CommitAsync("Imported Holding to Account Meeting – October 2015");
        Assert.StartsWith("2015/", reference, StringComparison.Ordinal);

        var page = import.Page;
        await page.GotoAsync("/actions?q=rural%20crime%20strategy");
        var row = page.GetByTestId("action-link").Filter(new() { HasText = reference });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("register-grid")).ToContainTextAsync("ACC");

        // The same notes again are recognised and offered as an update, never duplicated.
        await import.ReopenAsync();
        await import.UploadAsync(Notes);
        await import.ExpectImportedBeforeAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_file_of_the_wrong_kind_is_refused_with_a_clear_message()
    {
        var import = await ImportPage.OpenAsync(browser);

        await import.UploadAsync(new FilePayload { Name = "notes.pdf", MimeType = "application/pdf", Buffer = [0x25, 0x50, 0x44, 0x46] });

        await import.ExpectRefusedAsync("only .txt, .html, .htm, .docx notes can be imported");
        await import.Page.Context.CloseAsync();
    }
}
