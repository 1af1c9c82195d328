using System.Globalization;

namespace HoldingToAccount.Dashboard.Components.Shared;

/// <summary>UK formats for pickers and inputs (dates read dd/mm/yyyy).</summary>
public static class Uk
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");
    public const string DateFormat = "dd/MM/yyyy";
}
