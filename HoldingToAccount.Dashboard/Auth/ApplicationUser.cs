using Microsoft.AspNetCore.Identity;

namespace HoldingToAccount.Dashboard.Auth;

public class ApplicationUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>The person this account is, so "my actions" means the roles that person holds today.</summary>
    public int? PersonId { get; set; }

    /// <summary>For a staff officer: the role codes they act for, comma-separated (e.g. "CC,DCC").</summary>
    public string? ActsFor { get; set; }

    /// <summary>A disabled account cannot sign in and loses its open sessions within a minute.</summary>
    public bool Disabled { get; set; }
}
