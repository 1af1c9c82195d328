using Bunit;
using Microsoft.AspNetCore.Components;

namespace HoldingToAccount.Tests.Components;

/// <summary>
/// Presses a button or submits a form once it is on screen. The element is found and pressed in one renderer turn: a page
/// that is still re-rendering after a load (slower on PostgreSQL) could otherwise replace the element between the find
/// and the press, and the press would go to an element that is no longer there.
/// </summary>
public static class RenderedPresses
{
    public static Task PressAsync<TComponent>(this IRenderedComponent<TComponent> cut, string selector) where TComponent : IComponent
    {
        cut.WaitForElement(selector);
        return cut.InvokeAsync(() => cut.Find(selector).Click());
    }

    public static Task SubmitAsync<TComponent>(this IRenderedComponent<TComponent> cut, string selector) where TComponent : IComponent
    {
        cut.WaitForElement(selector);
        return cut.InvokeAsync(() => cut.Find(selector).Submit());
    }

    /// <summary>
    /// Chooses an option of an open list (a select's popover) by its text, the last match when <paramref name="last"/>
    /// (a list shown twice, the newest on top). Synchronous, so the many synchronous dialog tests can call it.
    /// </summary>
    public static void Pick<TComponent>(this IRenderedComponent<TComponent> cut, Func<string, bool> matches, bool last = false, string options = ".mud-list-item") where TComponent : IComponent
    {
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(options), o => matches(o.TextContent.Trim())));
        cut.InvokeAsync(() =>
        {
            var found = cut.FindAll(options).Where(o => matches(o.TextContent.Trim()));
            (last ? found.Last() : found.First()).Click();
        }).GetAwaiter().GetResult();
    }
}
