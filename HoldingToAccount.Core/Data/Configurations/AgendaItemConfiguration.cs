using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoldingToAccount.Core.Data.Configurations;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(i => i.Section).HasMaxLength(16);
        builder.Property(i => i.Number).HasMaxLength(16);
        builder.Property(i => i.Title).HasMaxLength(500);
        builder.Property(i => i.Questions).HasMaxLength(20_000);
        builder.Property(i => i.Findings).HasMaxLength(50_000);
    }
}
