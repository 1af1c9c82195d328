using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using HoldingToAccount.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>The outbox in Chromium: a failed reminder with its reason, sent again after confirming; the sweep preview.</summary>
[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed class OutboxPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_failed_reminder_shows_its_reason_and_can_be_sent_again_after_confirming()
    {
        var id = await AddFailedAsync();
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/outbox?status=Failed");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("status-filter-Failed")).ToHaveAttributeAsync("aria-pressed", "true");
        var row = page.Locator($"[data-testid=delivery-row][data-id='{id}']");
        await Expect(row.GetByTestId("delivery-status")).ToHaveTextAsync("Failed");
        await Expect(row.GetByTestId("delivery-reason")).ToContainTextAsync("550 5.1.1");

        await row.GetByTestId("resend").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("left.the.force@example.org");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send again" }).ClickAsync();

        await Expect(page.GetByText("is queued and will be sent in a moment")).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0); // no longer failed
        await page.GetByTestId("status-filter-All").ClickAsync();
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("delivery-status")).Not.ToHaveTextAsync("Failed");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("outbox.png"), FullPage = true });
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_next_morning_can_be_previewed_and_the_page_meets_WCAG_2_2_AA()
    {
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/outbox");

        await page.GetByTestId("preview-next-morning").ClickAsync();
        await Expect(page.GetByTestId("preview-result")).ToContainTextAsync("08:00");

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Signed_out_the_outbox_sends_you_to_sign_in()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/outbox");

        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    /// <summary>A weekly summary the mail server refused for good (written straight to the app's database: no SMTP server here).</summary>
    private async Task<int> AddFailedAsync()
    {
        var factory = browser.App.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var row = new ReminderDelivery
        {
            Kind = ReminderKind.OverdueSummary,
            Recipient = "left.the.force@example.org",
            RecipientName = "Former policy officer",
            SubjectKey = ReminderDelivery.SubjectOverdue,
            PlannedFor = new DateOnly(2017, 1, 30).AddDays(-7 * Random.Shared.Next(1, 500)),
            Status = ReminderStatus.Failed,
            CreatedAtUtc = DateTime.UtcNow,
            Attempts = 1,
            Reason = "550 5.1.1 <left.the.force@example.org>: Recipient address rejected: User unknown in local recipient table",
        };
        db.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }
}
