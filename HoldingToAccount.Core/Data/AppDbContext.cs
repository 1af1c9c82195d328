using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Data;

public class AppDbContext(DbContextOptions options) : DbContext(options), IHasActor
{
    /// <summary>Who the audit trail records for this context's changes.</summary>
    public string ActorName { get; set; } = "system";

    public DbSet<Person> People => Set<Person>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<RoleHolding> RoleHoldings => Set<RoleHolding>();
    public DbSet<MeetingSeries> Series => Set<MeetingSeries>();
    public DbSet<AgendaSection> AgendaSections => Set<AgendaSection>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingAttendee> MeetingAttendees => Set<MeetingAttendee>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<ActionItem> Actions => Set<ActionItem>();
    public DbSet<ActionUpdate> ActionUpdates => Set<ActionUpdate>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }
}
