namespace HoldingToAccount.Dashboard;

/// <summary>The web app's own settings under <c>App:</c>; <c>App:PublicBaseUrl</c> is Core's (<see cref="Core.PublicLinkOptions"/>).</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>Load the demo register on first start when the database is empty. Honoured in Development only.</summary>
    public bool SeedDemoDataOnEmptyDatabase { get; set; }
}
