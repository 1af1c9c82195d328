using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Backup;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Core;

public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(configuration); // BindConfiguration reads it from DI; a host has it already
        services.AddOptions<PublicLinkOptions>().BindConfiguration(PublicLinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var database = DatabaseSettings.From(configuration);
        services.TryAddSingleton(database);
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<ControlCharacterInterceptor>();
        services.AddMetrics();
        services.TryAddSingleton<Observability.AppMetrics>();
        services.AddSingleton<ChangeNotifier>();
        if (database.IsPostgres)
        {
            services.AddSingleton<PostgresChangeRelay>();
            services.AddSingleton<IChangeRelay>(provider => provider.GetRequiredService<PostgresChangeRelay>());
            services.AddSingleton<PostgresChangeListener>();
            services.AddHostedService(provider => provider.GetRequiredService<PostgresChangeListener>());
        }
        services.AddSingleton<ChangePublisher>();
        services.AddSingleton<PresenterFocus>();
        services.AddSingleton<RoomScreen>();
        services.AddDbContextFactory<AppDbContext, AppDbContextFactory>((provider, options) => options
            .UseConfiguredDatabase(provider.GetRequiredService<DatabaseSettings>())
            .AddInterceptors(provider.GetRequiredService<ControlCharacterInterceptor>(), provider.GetRequiredService<ChangePublisher>(),
                provider.GetRequiredService<AuditInterceptor>()));
        services.AddSingleton<ActionService>();
        services.AddSingleton<Insights.InsightsService>();
        services.AddSingleton<MeetingService>();
        services.AddSingleton<Publishing.PublicationService>();
        services.AddSingleton<PeopleService>();
        services.AddSingleton<Audit.AuditService>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<SyntheticData>();
        services.AddSingleton<MeetingCalendar>();
        services.AddReminders(configuration);
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidation>();
        services.AddSingleton<DatabaseBackup>();
        services.AddSingleton<Archive.HandoverArchive>();
        services.AddExports(); // the handover archive carries each held meeting's notes
        services.AddImport();
        return services;
    }
}
