using System.Text;
using HoldingToAccount.Tests.Browser;
using HoldingToAccount.Tests.Browser.Pages;
using HoldingToAccount.Tests.TestData;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Import.ActionLog;

/// <summary>
/// The secretariat brings a log into the demo register in Chromium. The log is from September 2015, before every demo
/// meeting, and due far ahead, so no other test's outstanding lists change.
/// </summary>
[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed class ActionLogImportBrowserTests(BrowserFixture browser)
{
    private static FilePayload Log => new()
    {
        Name = "opcc-action-log.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(
            "Ref,Raised,Action,Person responsible,Target date,RAG,Progress\r\n"
            + "2015/71,15/09/2015,Publish the review of neighbourhood policing hubs,CC,31/12/2030,Amber,Draft shared with the OPCC\r\n"
            + "2015/72,15/09/2015,Set out the plan for rural speed enforcement,DCC,31/12/2030,Red,\r\n"),
    };

    [Fact]
    public async Task The_secretariat_imports_a_log_corrects_the_owner_column_and_commits()
    {
        var import = await ActionLogImportPage.OpenAsync(browser);

        await import.UploadAsync(Log);
        await Expect(import.Mapping("Action")).ToHaveValueAsync("Text");
        await Expect(import.Mapping("Person responsible")).ToHaveValueAsync("Ignore");
        await Expect(import.Problems).ToContainTextAsync("no owner");

        await import.MapAsync("Person responsible", "Owners", "DCC");
        await Expect(import.Problems).ToHaveCountAsync(0);
        await Expect(import.Preview).ToContainTextAsync("Publish the review of neighbourhood policing hubs");
        await import.Page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("action-log-preview.png"), FullPage = true });

        await import.CommitAsync("2 new actions");

        var page = import.Page;
        await page.GotoAsync("/actions/2015-71");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2015/71", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("action-status").First).ToContainTextAsync("Update provided");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_damaged_spreadsheet_is_refused_with_a_clear_message()
    {
        var import = await ActionLogImportPage.OpenAsync(browser);

        await Expect(import.Page.GetByTestId("log-upload")).ToHaveAttributeAsync("data-ready", "true");
        await import.Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "log.xlsx", MimeType = "application/octet-stream", Buffer = [1, 2, 3, 4, 5] });

        await Expect(import.Error).ToContainTextAsync("is not a readable Excel workbook", new() { Timeout = 15_000 });
        await import.Page.Context.CloseAsync();
    }
}
