using System.Net.Http.Json;
using System.Text.Json;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser;

/// <summary>The chief officer with a long list (the demo register plus 120 more actions for CC), following the reminder
/// e-mail's link on a phone. The extra actions would change what other browser tests see, so this has an app of its own.</summary>
[Needs(Need.Database, Need.Browser)]
[Collection(MyActionsCollection.Name)]
public sealed class MyActionsPhoneTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static string? _linked;

    public async Task InitializeAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_linked is not null)
                return;
            var january = (await browser.App.Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings?from=2017-01-31&to=2017-01-31"))
                .EnumerateArray().First().GetProperty("id").GetInt32();
            await using var scope = browser.App.Factory.Services.CreateAsyncScope();
            var actions = scope.ServiceProvider.GetRequiredService<ActionService>();
            for (var ward = 1; ward <= 120; ward++)
            {
                var raised = await actions.RaiseAsync(new NewAction(january, $"Patrol plan for ward W{ward:000} to be shared with the local policing area commander",
                    ["CC"], ward % 3 == 0 ? "to the February meeting" : "in 3 months"), Actor.System());
                _linked = raised.Reference;
            }
        }
        finally
        {
            Seeding.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_reminder_link_on_a_phone_lands_on_the_action_with_its_update_box_focused()
    {
        var page = await browser.OpenAsync($"/my-actions?ref={_linked!.Replace('/', '-')}", viewport: Phone);
        var card = page.Locator($"[data-testid=my-action][data-ref='{_linked}']");
        var box = card.Locator("textarea");
        await Expect(box).ToBeFocusedAsync(new() { Timeout = 15_000 });

        var inView = await card.EvaluateAsync<bool>("card => { const r = card.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }");
        var boxInView = await box.EvaluateAsync<bool>("box => { const r = box.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }");
        Assert.True(inView, "the linked action is not on the screen");
        Assert.True(boxInView, "the linked action's update box is not wholly on the screen");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "My actions scrolls sideways on a phone");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("my-actions-phone-linked.png") });

        await box.FillAsync("Ward plan shared with the commander on 30 January.");
        await card.GetByTestId("post-update").ClickAsync();
        await Expect(card.GetByTestId("update-posted")).ToBeVisibleAsync();
        await Expect(card.GetByTestId("latest-update")).ToContainTextAsync("Ward plan shared with the commander on 30 January.");
        await Expect(page.GetByText("Write the update before posting it.")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1440, 900)]
    public async Task My_actions_at_volume_shows_a_page_of_each_group_with_a_way_to_see_more(int width, int height)
    {
        var page = await browser.OpenAsync("/my-actions", viewport: new ViewportSize { Width = width, Height = height });
        await Expect(page.GetByTestId("my-action").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"my-actions-{width}.png") });

        var later = page.Locator("[data-testid=my-actions-group][data-kind=Later]");
        await Expect(later.GetByTestId("my-action")).ToHaveCountAsync(20);
        await Expect(page.Locator("textarea")).ToHaveCountAsync(0);
        await later.GetByTestId("show-more").ClickAsync();
        await Expect(later.GetByTestId("my-action")).ToHaveCountAsync(40);

        await page.GetByLabel("Search my actions").FillAsync("w117 commander");
        await Expect(page.GetByTestId("my-action")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("my-actions-summary")).ToContainTextAsync("Showing 1 of your");
        await page.Context.CloseAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MyActionsCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "my-actions";
}
