using System.CommandLine;
using HoldingToAccount.Core.Reminders.Replies;

namespace HoldingToAccount.Dashboard.Cli;

/// <summary>
/// <c>read-replies</c> reads the reply mailbox once, as the recurring job does: records the e-mailed updates, refuses
/// what it cannot record, answers each sender and moves each message on. Exit 0 when the mailbox was read (or updating
/// by e-mail is off, which it says), 1 when it could not be read. It does not migrate (migrating takes the database's
/// write lock even with nothing to apply, and a scheduler may run this every few minutes): the app and <c>migrate</c> do.
/// </summary>
public static class ReadRepliesVerb
{
    public static Command Command(IServiceProvider services) =>
        CommandLine.Verb("read-replies", "Reads the reply mailbox once: records e-mailed updates and answers each sender.", [], _ => RunAsync(services));

    private static async Task<int> RunAsync(IServiceProvider services)
    {
        var run = await services.GetRequiredService<InboundMailboxReader>().RunAsync();
        if (run.Error is not null)
        {
            await Console.Error.WriteLineAsync(run.Describe);
            return CommandLine.Refused;
        }
        Console.WriteLine(run.Describe);
        return CommandLine.Ok;
    }
}
