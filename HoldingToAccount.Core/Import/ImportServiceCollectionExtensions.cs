using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoldingToAccount.Core.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The notes import: <see cref="ImportService"/>, and the action-log spreadsheet import (it needs the DbContext factory and TimeProvider that AddCore registers).</summary>
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.TryAddSingleton<ImportService>();
        services.AddOptions<ActionLog.ActionLogOptions>().BindConfiguration(ActionLog.ActionLogOptions.Section);
        services.TryAddSingleton<ActionLog.ActionLogImportService>();
        return services;
    }
}
