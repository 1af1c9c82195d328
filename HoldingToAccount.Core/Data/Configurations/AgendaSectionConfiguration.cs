using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoldingToAccount.Core.Data.Configurations;

internal sealed class AgendaSectionConfiguration : IEntityTypeConfiguration<AgendaSection>
{
    public void Configure(EntityTypeBuilder<AgendaSection> builder)
    {
        builder.Property(s => s.Number).HasMaxLength(16);
        builder.HasIndex(s => new { s.SeriesId, s.Number }).IsUnique();
    }
}
