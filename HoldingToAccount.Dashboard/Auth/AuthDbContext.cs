using HoldingToAccount.Core.Audit;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Dashboard.Auth;

/// <summary>Accounts and tokens, in the app's database beside the register (their own migrations).</summary>
public class AuthDbContext(DbContextOptions options, IHttpContextAccessor? http = null)
    : IdentityDbContext<ApplicationUser>(options), IHasActor
{
    public const string MigrationsHistoryTable = "__AuthMigrationsHistory";

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DisplayToken> DisplayTokens => Set<DisplayToken>();
    public DbSet<StoredSigningKey> SigningKeys => Set<StoredSigningKey>();

    /// <summary>Set by the command line; otherwise the signed-in user making the request.</summary>
    public string? ExplicitActor { get; set; }

    public string ActorName => ExplicitActor ?? http?.HttpContext?.User.Identity?.Name ?? "system";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.ActsFor).HasMaxLength(200);
        });
        builder.Entity<ApiToken>(token =>
        {
            token.Property(t => t.Name).HasMaxLength(200);
            token.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(16);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DisplayToken>(token =>
        {
            token.Property(t => t.Name).HasMaxLength(200);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();
        });
        builder.Entity<StoredSigningKey>(key =>
        {
            key.ToTable("SigningKeys");
            key.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}
