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
}
