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
    /// Hangfire jobs) before <c>AddCore</c>. Called once, by <c>AddCore</c>.
    /// </summary>
    internal static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<PickupFolderEmailSender>();
        services.TryAddSingleton<IEmailSender>(provider => provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? provider.GetRequiredService<SmtpEmailSender>()
            : provider.GetRequiredService<PickupFolderEmailSender>());

        services.AddOptions<Replies.InboundOptions>().BindConfiguration(Replies.InboundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Replies.ReplyTokens>();
        services.AddSingleton<Replies.ReplyInvitation>();
        services.AddSingleton<Replies.InboundReplyProcessor>();
        services.AddSingleton<Replies.InboundMailboxReader>();
        services.AddSingleton<Replies.InboundMailboxStatus>();

        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<ReminderComposer>();
        services.AddSingleton<ReminderSender>();
        services.AddSingleton<ReminderSweep>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<Chasing.ChaseService>();
        services.TryAddSingleton<IReminderQueue, DirectReminderQueue>();
        return services;
    }
}
