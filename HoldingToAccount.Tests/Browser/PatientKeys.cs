using Microsoft.Playwright;

namespace HoldingToAccount.Tests.Browser;

/// <summary>A key pressed as a person presses it when nothing seems to happen: once more.</summary>
/// <remarks>A control that has only just appeared (a dialog opening, a list re-rendered as its page goes live) finishes
/// taking focus and connecting its keys a moment later, and a key pressed in that moment — far sooner than a person
/// presses one — can do nothing. A person who sees nothing happen presses it again, and so does this: once, after
/// waiting long enough that the first key was lost rather than slow, and on the same control.</remarks>
public static class PatientKeys
{
    public static async Task PressAsync(IPage page, string key, Func<float?, Task> shown, ILocator? on = null)
    {
        if (on is not null)
            await on.FocusAsync();
        await page.Keyboard.PressAsync(key);
        try
        {
            await shown(5_000);
        }
        catch (PlaywrightException)
        {
            if (on is not null)
                await on.FocusAsync();
            await page.Keyboard.PressAsync(key);
            await shown(null);
        }
    }
}
