using System.Text;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Tests.Reminders;
using HoldingToAccount.Tests.TestData;
using Microsoft.Playwright;
using MimeKit;

namespace HoldingToAccount.Tests.Mail;

/// <summary>
/// A chief officer's digest of four actions, sent through a real SMTP server and opened as received: its bytes on the
/// wire, and its HTML drawn by Debian's Chromium at the width of a mail client's reading pane (600 px) and of a phone.
/// </summary>
[Needs(Need.Database, Need.Smtp, Need.Browser)]
public sealed class DigestRenderingTests : IAsyncLifetime
{
    /// <summary>
    /// The old digest of these four actions drew 2,667 px at 600 px wide: three and a half screens of a laptop's
    /// reading pane. 1,400 px is about two such screens — the greeting, the meeting and every action reachable with
    /// one scroll — a difference a reader notices at once.
    /// </summary>
    private const int MostPixelsTall = 1_400;

    private IPlaywright _playwright = null!;
    private IBrowser _chromium = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _chromium = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task A_four_action_digest_fits_in_two_screens_of_a_reading_pane_and_a_phone_never_scrolls_sideways()
    {
        await using var h = await ReminderHarness.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var message = await FourActionDigestAsync(h);

        var html = message.HtmlBody ?? throw new InvalidOperationException("the digest has no HTML body");
        var pane = await DrawAsync(html, 600, "digest-600.png");
        var phone = await DrawAsync(html, 390, "digest-390.png");

        Assert.True(pane.Height <= MostPixelsTall, $"the four-action digest is {pane.Height} px tall at 600 px wide");
        Assert.True(pane.Width <= 600, $"the digest is {pane.Width} px wide in a 600 px pane");
        Assert.True(phone.Width <= 390, $"the digest is {phone.Width} px wide on a 390 px phone: it scrolls sideways");
    }

    [Fact]
    public async Task The_digest_as_received_declares_quoted_printable_text_and_keeps_its_accents_and_pound_signs()
    {
        await using var h = await ReminderHarness.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var message = await FourActionDigestAsync(h);
        var received = Assert.Single(Directory.GetFiles(Path.Combine(h.Smtp.Maildir, "new")));

        var problems = MimeCheck.Problems(await File.ReadAllBytesAsync(received));

        Assert.Empty(problems);
        Assert.Contains("Café licensing: £250,000 bid – naïve “first” draft", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Café licensing: £250,000 bid – naïve “first” draft", message.HtmlBody, StringComparison.Ordinal);
    }

    /// <summary>Four actions for the CC at the February meeting: one carried from December with a long update.</summary>
    private static async Task<MimeMessage> FourActionDigestAsync(ReminderHarness h)
    {
        var december = await h.Register.MeetingAsync(new DateOnly(2016, 12, 13));
        var (jan, feb) = await h.JanuaryAndFebruaryAsync();
        var carried = await h.Register.ActionAsync(december, "An update on domestic burglary in North Worcestershire, with the figures for the last two quarters", "to the January meeting");
        await h.Register.ActionAsync(jan, "Café licensing: £250,000 bid – naïve “first” draft to be shared with the PCC", "to the February meeting");
        await h.Register.ActionAsync(jan, "CC to report on 101 call answering times in the control room", "to the February meeting");
        await h.Register.ActionAsync(jan, "PCC/CC to agree the victim strategy before it goes to the Police and Crime Panel", "to the February meeting", owners: ["PCC", "CC"]);
        await h.Database.Get<ActionService>().AddUpdateAsync(carried.Reference, null,
            "Burglary in North Worcestershire fell by 12% in the last quarter against the same quarter last year; the " +
            "force has extended Operation Snap to Redditch and Bromsgrove and will report the figures for the whole " +
            "year to the March meeting, with the victim satisfaction survey results.", null, RegisterBuilder.Secretariat);

        h.At(2017, 2, 18, 8, 0);
        Assert.Equal(2, (await h.SweepAsync()).Created);
        var messages = await h.Smtp.WaitForAsync(2);
        var digest = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "anthony.bangham@example.org");
        Assert.StartsWith("4 actions due", digest.Subject, StringComparison.Ordinal);
        File.Delete(Directory.GetFiles(Path.Combine(h.Smtp.Maildir, "new")).Single(f => !File.ReadAllText(f).Contains("anthony.bangham@", StringComparison.Ordinal)));
        return digest;
    }

    private async Task<(int Width, int Height)> DrawAsync(string html, int width, string screenshot)
    {
        var context = await _chromium.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 800 }, Locale = "en-GB" });
        try
        {
            var page = await context.NewPageAsync();
            await page.SetContentAsync(html);
            await page.ScreenshotAsync(new() { Path = Browser.BrowserFixture.ArtifactPath(screenshot), FullPage = true });
            var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
            return (size[0], size[1]);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
