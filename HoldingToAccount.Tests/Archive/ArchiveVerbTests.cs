using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Tests.TestData;
using static HoldingToAccount.Tests.Backup.BackupVerbs;

namespace HoldingToAccount.Tests.Archive;

/// <summary>The archive verbs as an administrator runs them: the built executable against SQLite files, read by exit code and message.</summary>
[Needs(Need.Database)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ArchiveVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hta-archive-verb-").FullName;

    [Fact]
    public async Task An_administrator_exports_the_register_and_loads_it_into_a_new_instance_whose_audit_trail_then_verifies()
    {
        await using var old = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        await old.Get<DemoData>().SeedAsync();
        var archive = Path.Combine(_folder, "handover.zip");

        var exported = await RunAsync(old.Configuration, "archive", "export", archive);
        Assert.True(exported.ExitCode == 0, exported.Error);
        Assert.Contains("Exported the register to", exported.Output, StringComparison.Ordinal);
        var again = await RunAsync(old.Configuration, "archive", "export", archive);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("--force", again.Error, StringComparison.Ordinal);

        var fresh = SqliteAt(Path.Combine(_folder, "new-body", "holdingtoaccount.db"));
        var unknownRole = await RunAsync(fresh, "archive", "import", archive, "--map-role", "PCX=MAYOR");
        Assert.Equal(1, unknownRole.ExitCode);
        Assert.Contains("has no role PCX", unknownRole.Error, StringComparison.Ordinal);

        var imported = await RunAsync(fresh, "archive", "import", archive, "--map-role", "PCC=MAYOR");
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("Renamed PCC to MAYOR", imported.Output, StringComparison.Ordinal);
        var verified = await RunAsync(fresh, "verify-audit");
        Assert.Equal(0, verified.ExitCode);

        var twice = await RunAsync(fresh, "archive", "import", archive);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("not empty", twice.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PCC")]
    [InlineData("=MAYOR")]
    public async Task A_map_role_that_is_not_OLD_equals_NEW_is_a_wrong_command_line(string pair)
    {
        var run = await RunAsync(SqliteAt(Path.Combine(_folder, "unused.db")), "archive", "import", Path.Combine(_folder, "handover.zip"), "--map-role", pair);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("OLD=NEW", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "unused.db")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
