using MudBlazor;

namespace HoldingToAccount.Dashboard.Components.Layout;

internal static class AppTheme
{
    /// <summary>Colours chosen for at least 4.5:1 contrast on white (WCAG 2.2 AA).</summary>
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4f91",
            Secondary = "#5c2d91",
            AppbarBackground = "#1d4f91",
            Success = "#1e6b34",
            Warning = "#8a4b00",
            Error = "#b3261e",
            Info = "#0b5394",
            TextSecondary = "#4a4a4a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9cc2ff",
            Secondary = "#d0b8ff",
            Background = "#101418",
            Surface = "#1b2026",
            AppbarBackground = "#1b2026",
            TextPrimary = "#f2f4f7",
            TextSecondary = "#d0d6de",
            Success = "#7ed99a",
            Warning = "#ffc46b",
            Error = "#ffaba3",
            Info = "#9cc2ff",
        },
    };
}
