using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoldingToAccount.Core.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary>Notes, action log and calendar exports. Needs <c>AddCore</c>; safe to call more than once.</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.TryAddSingleton<NotesExport>();
        services.TryAddSingleton<ActionLogExport>();
        services.TryAddSingleton<CalendarFeeds>();
        services.TryAddSingleton<Publishing.PublicRegister>();
        return services;
    }
}
