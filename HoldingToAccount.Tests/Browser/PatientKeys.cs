using Microsoft.Playwright;

namespace HoldingToAccount.Tests.Browser;

/// <summary>A key pressed as a person presses it when nothing seems to happen: once more.</summary>
/// <remarks>A control that has only just appeared (a dialog opening, a list re-rendered as its page goes live) finishes
/// taking focus and connecting its keys a moment later, and a key pressed in that moment — far sooner than a person
/// presses one — can do nothing. A person who sees nothing happen presses it again, and so does this: once, after
/// waiting long enough that the first key was lost rather than slow, and on the same control.</remarks>
public static class PatientKeys
{
    /// <summary>How long the first key is given to show its effect before it is taken as lost, and how long the second is
    /// given: a loaded machine (two cores running the app, its database, the browser and other tests) can be slow.</summary>
    private const float _firstWait = 8_000, _secondWait = 20_000;

    /// <param name="unlessGone">When the first key's effect has already gone by (the dialog it would close has closed),
    /// there is nothing to press again.</param>
    public static async Task PressAsync(IPage page, string key, Func<float?, Task> shown, ILocator? on = null, ILocator? unlessGone = null)
    {
        if (on is not null)
            await on.FocusAsync();
        await page.Keyboard.PressAsync(key);
        try
        {
            await shown(_firstWait);
        }
        catch (PlaywrightException)
        {
            if (unlessGone is null || await unlessGone.CountAsync() > 0)
            {
                if (on is not null)
                    await on.FocusAsync();
                await page.Keyboard.PressAsync(key);
            }
            await shown(_secondWait);
        }
    }
}
