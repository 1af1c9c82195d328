using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Demo;

public sealed record SeedResult(bool Seeded, string Message);

/// <summary>Loads the demo register built from the office's meeting notes (Demo/demo-data.json).</summary>
public sealed class DemoData(IDbContextFactory<AppDbContext> factory, TimeProvider clock)
{
    public Task<SeedResult> SeedAsync(CancellationToken ct = default) => throw new NotImplementedException($"{factory}{clock}{ct}");
}
