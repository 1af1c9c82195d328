using Bunit;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Dashboard.Components.Pages.Board;
using HoldingToAccount.Tests.Integration;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.LiveBoard;

/// <summary>
/// Boards run for hours and screens come and go: each board subscribes to the change notifier and must let go when
/// its circuit ends. Rendered with bUnit over the running app's real services (database, notifier, tokens); a
/// circuit's end disposes its components exactly as disposing them here does.
/// </summary>
[Needs(Need.Database)]
[Collection(AppCollection.Name)]
public sealed class BoardSubscriptionTests(AppFixture app)
{
    [Fact]
    public async Task A_thousand_boards_opened_and_closed_leave_no_subscription_behind()
    {
        var notifier = app.Factory.Services.GetRequiredService<ChangeNotifier>();
        var feed = app.Factory.Services.GetRequiredService<HoldingToAccount.Dashboard.Board.BoardFeed>();
        var token = app.DisplayPath["/board/".Length..];
        var before = feed.BoardCount;
        var notifierBefore = notifier.SubscriberCount;

        using var scope = app.Factory.Services.CreateScope();
        for (var i = 0; i < 1000; i++)
        {
            await using var context = NewContext(scope.ServiceProvider);
            var board = context.Render<Board>(p => p.Add(b => b.DisplayToken, token));
            board.WaitForElement("[data-testid=board]", TimeSpan.FromSeconds(10));
            Assert.Equal(before + 1, feed.BoardCount);
        }

        Assert.Equal(before, feed.BoardCount);
        Assert.Equal(notifierBefore, notifier.SubscriberCount);
    }

    [Fact]
    public async Task A_board_whose_subscriber_throws_does_not_stop_the_others()
    {
        var notifier = app.Factory.Services.GetRequiredService<ChangeNotifier>();
        var delivered = new TaskCompletionSource();
        using var broken = notifier.Subscribe(_ => throw new InvalidOperationException("a broken screen"));
        using var healthy = notifier.Subscribe(_ =>
        {
            delivered.TrySetResult();
            return Task.CompletedTask;
        });

        notifier.Publish(new ChangeNotice(ChangeKind.Meeting, 0));

        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static BunitContext NewContext(IServiceProvider appServices)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddFallbackServiceProvider(appServices);
        return context;
    }
}
