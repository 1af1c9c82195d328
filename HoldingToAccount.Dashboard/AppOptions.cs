namespace HoldingToAccount.Dashboard;

public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>Absolute base for links in e-mails and feeds.</summary>
    [System.ComponentModel.DataAnnotations.Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Load the demo register on first start when the database is empty. Honoured in Development only.</summary>
    public bool SeedDemoDataOnEmptyDatabase { get; set; }
}
