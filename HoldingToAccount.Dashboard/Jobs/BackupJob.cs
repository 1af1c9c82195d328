using Hangfire;
using HoldingToAccount.Core.Backup;

namespace HoldingToAccount.Dashboard.Jobs;

/// <summary>The daily backup (<c>Backup:*</c>, off by default): a dated copy at <c>Backup:Time</c> London time, keeping <c>Backup:Keep</c>.</summary>
public sealed class BackupJob(DatabaseBackup backup, ILogger<BackupJob> log)
{
    public const string RecurringId = "daily-backup";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken ct)
    {
        var result = await backup.RunScheduledAsync(ct);
        log.LogInformation("{Message} Deleted {Deleted} older copies.", result.Backup.Message, result.Deleted.Count);
    }
}
