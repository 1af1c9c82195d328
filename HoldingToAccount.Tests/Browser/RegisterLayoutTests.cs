using System.Text.Json;
using System.Text.RegularExpressions;
using HoldingToAccount.Tests.TestData;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser;

/// <summary>
/// The register as the secretariat reads it on a desk (1280 and 1440 wide), at 200 % zoom (720 wide) and on a phone:
/// the Action text has room, nothing scrolls sideways, filters apply as they are chosen.
/// </summary>
[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed partial class RegisterLayoutTests(BrowserFixture browser)
{
    private async Task<IPage> OpenAtAsync(int width, int height, string path = "/actions")
    {
        var page = await browser.OpenAsync(path);
        await page.SetViewportSizeAsync(width, height);
        await Expect(page.GetByTestId("action-link").First).ToBeVisibleAsync();
        return page;
    }

    /// <summary>scrollWidth and clientWidth of the page, of the register's box and of its scrolling table container, and the
    /// Action column's share of the table.</summary>
    private static async Task<JsonElement> MeasureAsync(IPage page) => await page.EvaluateAsync<JsonElement>("""
        () => {
            const register = document.querySelector('[data-testid=register]');
            const container = register.querySelector('.mud-table-container');
            const table = register.querySelector('table');
            const action = register.querySelector('th.register-action-header');
            return {
                page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
                register: [register.scrollWidth, register.clientWidth],
                grid: [container.scrollWidth, container.clientWidth],
                actionShare: action && action.offsetParent ? action.getBoundingClientRect().width / table.getBoundingClientRect().width : 0,
            };
        }
        """);

    private static void AssertNoSidewaysScroll(JsonElement measured, params string[] boxes)
    {
        foreach (var box in boxes)
        {
            var (scroll, client) = (measured.GetProperty(box)[0].GetInt32(), measured.GetProperty(box)[1].GetInt32());
            Assert.True(scroll <= client, $"{box} scrolls sideways: scrollWidth {scroll} > clientWidth {client}");
        }
    }

    /// <summary>Every filter's label is shown whole ("Carried at least", not "Carried at le…") and each switch's label on one
    /// line beside its switch.</summary>
    private static async Task AssertFilterLabelsWholeAsync(IPage page)
    {
        var labels = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('[data-testid=register-filters] label.mud-input-label')]
                .map(l => ({ text: l.textContent.trim(), cut: l.scrollWidth > l.clientWidth + 1 }))
                .concat([...document.querySelectorAll('[data-testid=register-filters] .mud-switch')].map(s => {
                    const text = s.querySelector(':scope > .mud-typography');
                    const line = parseFloat(getComputedStyle(text).lineHeight) || 24;
                    return { text: s.textContent.trim(), cut: text.getBoundingClientRect().height > 1.5 * line };
                }))
            """);
        Assert.True(labels.GetArrayLength() >= 8, $"only {labels.GetArrayLength()} filter labels found");
        foreach (var label in labels.EnumerateArray())
            Assert.False(label.GetProperty("cut").GetBoolean(), $"the filter label \"{label.GetProperty("text").GetString()}\" is cut short or wraps");
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1440, 900)]
    public async Task On_a_desk_the_register_fits_its_box_and_the_action_text_has_at_least_35_percent_of_the_table(int width, int height)
    {
        var page = await OpenAtAsync(width, height);

        var measured = await MeasureAsync(page);
        AssertNoSidewaysScroll(measured, "page", "register", "grid");
        Assert.True(measured.GetProperty("actionShare").GetDouble() >= 0.35, $"the Action column has {measured.GetProperty("actionShare").GetDouble():P0} of the table");
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Latest update" })).ToBeInViewportAsync();
        await AssertFilterLabelsWholeAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"register-{width}.png") });
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(320, 640)]
    [InlineData(390, 844)]
    public async Task On_a_phone_the_rows_are_cards_the_filters_fold_away_and_nothing_scrolls_sideways(int width, int height)
    {
        var page = await OpenAtAsync(width, height);

        AssertNoSidewaysScroll(await MeasureAsync(page), "page", "register", "grid");
        // A value that is one long unbroken word (a generated title, a URL) wraps inside its card rather than widening it.
        await page.EvaluateAsync("() => document.querySelector('[data-testid=register] tbody td').append(' ' + 'x'.repeat(80))");
        AssertNoSidewaysScroll(await MeasureAsync(page), "page", "register", "grid");
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Action" })).ToBeHiddenAsync();
        await Expect(page.GetByTestId("register-filters")).ToBeHiddenAsync();
        var toggle = page.GetByTestId("filters-toggle");
        await Expect(toggle).ToHaveTextAsync(new Regex(@"Filters \(0 active\)"));
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"register-{width}x{height}.png") });

        await toggle.ClickAsync();
        await Expect(page.GetByTestId("register-filters")).ToBeVisibleAsync();
        AssertNoSidewaysScroll(await MeasureAsync(page), "page");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"register-{width}x{height}-filters.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At_200_percent_zoom_the_register_starts_on_the_first_screen_with_the_filters_folded_away()
    {
        var page = await OpenAtAsync(720, 450, "/actions?status=open");

        AssertNoSidewaysScroll(await MeasureAsync(page), "page", "register", "grid");
        await Expect(page.GetByTestId("filters-toggle")).ToHaveTextAsync(new Regex(@"Filters \(1 active\)"));
        await Expect(page.GetByTestId("action-link").First).ToBeInViewportAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("register-720x450.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Words_typed_in_the_search_filter_the_rows_after_a_pause_without_pressing_anything()
    {
        var page = await OpenAtAsync(1280, 800);
        var total = page.GetByTestId("register-total");
        await Expect(total).ToContainTextAsync("in the register");

        await page.GetByTestId("filter-text").FillAsync("worcestershire north burglary");

        await Expect(page).ToHaveURLAsync(new Regex(@"q=worcestershire(\+|%20)north(\+|%20)burglary"));
        await Expect(total).ToHaveTextAsync(new Regex(@"^(1 action matches|[0-9,]+ actions match) these filters$"));
        await Expect(page.GetByTestId("action-link").First).ToBeVisibleAsync();
        var texts = await page.Locator("td.register-action").AllInnerTextsAsync();
        Assert.Contains(texts, t => t.Contains("North Worcestershire", StringComparison.Ordinal));

        await page.GetByTestId("clear-filters").ClickAsync();
        await Expect(total).ToContainTextAsync("in the register");
        await Expect(page.GetByTestId("filter-text")).ToHaveValueAsync("");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Choosing_status_open_keeps_actions_with_an_update_or_proposed_complete_and_drops_closed_ones()
    {
        var page = await OpenAtAsync(1280, 800);
        var statuses = page.GetByTestId("register").GetByTestId("action-status");
        await Expect(statuses.Filter(new() { HasText = "Closed" }).First).ToBeVisibleAsync();

        await page.GetByTestId("filter-status").ClickAsync();
        await page.GetByText("Open (not closed or cancelled)").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("status=open"));
        await Expect(statuses.Filter(new() { HasText = "Closed" })).ToHaveCountAsync(0);
        await Expect(statuses.Filter(new() { HasText = "Update provided" }).First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_column_hidden_stays_hidden_when_the_register_is_opened_again()
    {
        var page = await OpenAtAsync(1280, 800);
        var latest = page.GetByRole(AriaRole.Columnheader, new() { Name = "Latest update" });
        await Expect(latest).ToBeVisibleAsync();

        await page.GetByTestId("choose-columns").ClickAsync();
        await page.GetByTestId("register-columns").GetByLabel("Latest update").UncheckAsync();
        await Expect(latest).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("action-link").First).ToBeVisibleAsync();
        await Expect(latest).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sort_buttons_show_without_hovering_and_are_at_least_24_pixels_square()
    {
        var page = await OpenAtAsync(1280, 800);

        // Read as a person sees them once the page settles: the icons fade in, so a busy machine can catch one mid-fade.
        var buttons = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const icons = [...document.querySelectorAll('[data-testid=register] th .sort-direction-icon')];
                await Promise.all(icons.flatMap(b => b.getAnimations()).map(a => a.finished.catch(() => null)));
                return icons.map(b => {
                    const r = b.getBoundingClientRect();
                    return { opacity: parseFloat(getComputedStyle(b).opacity), width: r.width, height: r.height };
                });
            }
            """);
        Assert.True(buttons.GetArrayLength() >= 4, "the sortable columns have sort buttons");
        Assert.All(buttons.EnumerateArray(), b =>
        {
            Assert.True(b.GetProperty("opacity").GetDouble() >= 0.5, $"a sort button is faint or invisible: {b}");
            Assert.True(b.GetProperty("width").GetDouble() >= 24 && b.GetProperty("height").GetDouble() >= 24, $"a sort button is too small to hit: {b}");
        });
        await page.Context.CloseAsync();
    }
}
