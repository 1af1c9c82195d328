using Hangfire;
using HoldingToAccount.Core.Reminders.Replies;

namespace HoldingToAccount.Dashboard.Jobs;

/// <summary>Reads the reply mailbox every <c>Email:Inbound:IntervalMinutes</c> while updating by e-mail is on.</summary>
public sealed class InboundReplyJob(InboundMailboxReader reader)
{
    public const string RecurringId = "read-replies";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0, LogEvents = true)] // the next run reads the same mailbox; a message is applied once either way
    public Task RunAsync(CancellationToken ct) => reader.RunAsync(ct);
}
