namespace HoldingToAccount.Tests.Export;

/// <summary>Where generated files are kept for a person to look at: artifacts/ under the test output folder.</summary>
public static class ExportArtifacts
{
    public static string Directory => System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
}
