using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoldingToAccount.Core;

public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditInterceptor>();
        services.AddDbContextFactory<AppDbContext>((provider, options) => options
            .UseConfiguredDatabase(configuration.GetConnectionString("Default"), configuration["Database:Provider"])
            .AddInterceptors(provider.GetRequiredService<AuditInterceptor>()));
        services.AddSingleton<ActionService>();
        services.AddSingleton<MeetingService>();
        services.AddSingleton<PeopleService>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<SyntheticData>();
        return services;
    }
}
