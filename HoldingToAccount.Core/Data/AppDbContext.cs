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
    public DbSet<ActionPeriod> ActionPeriods => Set<ActionPeriod>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // "Times carried" and undo read the action's history, so an action without one would be silently wrong.
        if (ChangeTracker.Entries<ActionItem>().FirstOrDefault(e => e.State == EntityState.Added && e.Entity.Periods.Count == 0) is { } bare)
            throw new InvalidOperationException($"Action \"{bare.Entity.Text}\" is saved without its history: call ActionItem.BeginHistory when creating it.");
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }
}
