using HoldingToAccount.Dashboard;

namespace HoldingToAccount.Tests.TestData;

/// <summary>Tests that capture the console run one at a time: a process has one <see cref="Console.Out"/>.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

/// <summary>What a verb returned and printed, run in this process as the executable would run it.</summary>
public sealed record CommandLineRun(int Code, string Output, string Error)
{
    /// <summary>No services at all: enough for usage errors and --help, which must not reach the database.</summary>
    public static readonly IServiceProvider NoServices = new EmptyServices();

    public static async Task<CommandLineRun> RunAsync(IServiceProvider services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await CommandLine.RunAsync(services, args);
            return new CommandLineRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
