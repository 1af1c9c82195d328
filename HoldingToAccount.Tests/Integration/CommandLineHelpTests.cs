using HoldingToAccount.Dashboard;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Integration;

/// <summary>Every verb explains itself with --help, without touching the database (the services here are empty).</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class CommandLineHelpTests
{
    [Theory]
    [InlineData("seed-synthetic", "--meetings", "--actions")]
    [InlineData("create-user", "--email", "--password-stdin")]
    [InlineData("create-token", "--email", "--name")]
    [InlineData("disable-user", "--email", "--email")]
    [InlineData("create-display-token", "--name", "--name")]
    [InlineData("create-calendar-token", "--email", "--email")]
    [InlineData("import", "--dry-run", "--series")]
    [InlineData("reminders preview", "--as-of", "--as-of")]
    [InlineData("reminders run", "--as-of", "--as-of")]
    [InlineData("migrate", "migrate", "migrate")]
    [InlineData("seed-demo", "seed-demo", "seed-demo")]
    [InlineData("verify-audit", "verify-audit", "verify-audit")]
    [InlineData("archive export", "PATH", "--force")]
    [InlineData("archive import", "PATH", "--map-role")]
    public async Task Each_verb_describes_its_options_with_help_and_exits_0(string verb, string option, string another)
    {
        var (code, output, error) = await RunAsync([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains(verb, output, StringComparison.Ordinal);
        Assert.Contains(option, output, StringComparison.Ordinal);
        Assert.Contains(another, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_with_no_verb_lists_every_verb_and_the_web_app_keeps_its_own_arguments()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        foreach (var verb in new[] { "migrate", "seed-demo", "seed-synthetic", "create-user", "disable-user", "create-token",
                     "create-display-token", "create-calendar-token", "verify-audit", "import", "reminders", "archive" })
            Assert.Contains(verb, output, StringComparison.Ordinal);
        Assert.True(CommandLine.IsVerb(["--help"]));
        Assert.False(CommandLine.IsVerb([]));
        Assert.False(CommandLine.IsVerb(["--urls", "http://127.0.0.1:5000"]));
    }

    private static Task<CommandLineRun> RunAsync(params string[] args) => CommandLineRun.RunAsync(CommandLineRun.NoServices, args);
}
