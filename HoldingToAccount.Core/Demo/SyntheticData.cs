using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Demo;

public sealed class SyntheticData(IDbContextFactory<AppDbContext> factory, TimeProvider clock)
{
    public Task<SeedResult> SeedAsync(int meetings, int actions, int? randomSeed = null, CancellationToken ct = default) =>
        throw new NotImplementedException($"{factory}{clock}{meetings}{actions}{randomSeed}{ct}");
}
