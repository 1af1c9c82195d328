using System.CommandLine;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Reminders.Replies;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Dashboard.Cli;

/// <summary>
/// <c>read-replies</c> reads the reply mailbox once, as the recurring job does: records the e-mailed updates, refuses
/// what it cannot record, answers each sender and moves each message on. Exit 0 when the mailbox was read (or updating
/// by e-mail is off, which it says), 1 when it could not be read.
/// </summary>
public static class ReadRepliesVerb
{
    public static Command Command(IServiceProvider services) =>
        CommandLine.Verb("read-replies", "Reads the reply mailbox once: records e-mailed updates and answers each sender.", [], _ => RunAsync(services));

    private static async Task<int> RunAsync(IServiceProvider services)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            await Database.MigrateAsync(db);
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
