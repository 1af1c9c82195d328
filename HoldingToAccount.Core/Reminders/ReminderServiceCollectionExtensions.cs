using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Core.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Reminder planning and sending. Mail goes by SMTP when <c>Email:Smtp:Host</c> is set, else to the pickup folder.
    /// Deliveries are sent straight away unless the host registers its own <see cref="IReminderQueue"/> (the web app's
    /// Hangfire jobs). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(ReminderPlanner)))
            return services;

        services.TryAddSingleton(configuration); // BindConfiguration reads it from DI; a host has it already
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicLinkOptions>().BindConfiguration(PublicLinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<PickupFolderEmailSender>();
        services.TryAddSingleton<IEmailSender>(provider => provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? provider.GetRequiredService<SmtpEmailSender>()
            : provider.GetRequiredService<PickupFolderEmailSender>());

        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<ReminderComposer>();
        services.AddSingleton<ReminderSender>();
        services.AddSingleton<ReminderSweep>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<DirectReminderQueue>();
        services.TryAddSingleton<IReminderQueue>(provider => provider.GetRequiredService<DirectReminderQueue>());
        return services;
    }
}
