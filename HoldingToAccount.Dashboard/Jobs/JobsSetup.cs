using Hangfire;
using Hangfire.PostgreSql;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Backup;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Core.Reminders.Replies;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Dashboard.Jobs;

/// <summary>
/// Hangfire in the web app: in-memory storage on SQLite (nothing in it is precious; deliveries live in our database),
/// PostgreSQL storage when the app runs on PostgreSQL (so several instances share one queue), a server,
/// the reminder sweep every <c>Reminders:SweepInterval</c> in Europe/London, one catch-up sweep at start, the daily backup
/// when <c>Backup:Enabled</c>, and the dashboard at
/// /hangfire for the secretariat only. Not for command-line verbs.
/// </summary>
public static class JobsSetup
{
    public const string DashboardPath = "/hangfire";

    /// <summary>Hangfire's own tables, apart from the register's, when it stores its queue in PostgreSQL.</summary>
    public const string StorageSchema = "hangfire";

    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddHangfire((provider, config) =>
        {
            var database = provider.GetRequiredService<DatabaseSettings>();
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.IsPostgres)
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString), new PostgreSqlStorageOptions { SchemaName = StorageSchema });
            else
                config.UseInMemoryStorage();
        });
        services.AddHangfireServer(options => options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}");
        services.AddTransient<ReminderSweepJob>();
        services.AddTransient<ReminderSendJob>();
        services.AddTransient<BackupJob>();
        services.AddTransient<InboundReplyJob>();
        // Registered before AddCore, whose reminders fall back to sending straight away only when no queue is registered.
        services.AddSingleton<IReminderQueue, HangfireReminderQueue>();
        services.AddAuthorization();
        services.AddHealthChecks().AddCheck<ReminderSweepHealthCheck>("reminder-sweep");
        return builder;
    }

    public static WebApplication UseJobs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new SecretariatDashboardAuthorization()],
            DashboardTitle = "Holding to account – jobs",
            DisplayStorageConnectionString = false,
        });

        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ReminderSweepJob>(
            ReminderSweepJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            SweepSchedule.Cron(app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.SweepInterval),
            new RecurringJobOptions { TimeZone = London.Zone });

        var backup = app.Services.GetRequiredService<IOptions<BackupOptions>>().Value;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        if (backup.Enabled)
            recurring.AddOrUpdate<BackupJob>(BackupJob.RecurringId, job => job.RunAsync(CancellationToken.None), backup.Cron,
                new RecurringJobOptions { TimeZone = London.Zone });
        else
            recurring.RemoveIfExists(BackupJob.RecurringId);

        var inbound = app.Services.GetRequiredService<IOptions<InboundOptions>>().Value;
        if (inbound.IsOn)
            recurring.AddOrUpdate<InboundReplyJob>(InboundReplyJob.RecurringId, job => job.RunAsync(CancellationToken.None),
                $"*/{inbound.IntervalMinutes} * * * *", new RecurringJobOptions { TimeZone = London.Zone });
        else
            recurring.RemoveIfExists(InboundReplyJob.RecurringId);

        // Once per start: whatever was missed while the app was down, and any delivery whose job died with it.
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ReminderSweepJob>(job => job.CatchUpAsync(CancellationToken.None));
        return app;
    }
}
