namespace HoldingToAccount.Core.People;

public class RoleHolding
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public int RoleId { get; set; }
    public Role Role { get; set; } = null!;
    public DateOnly From { get; set; }

    /// <summary>Last day held; null while still held.</summary>
    public DateOnly? To { get; set; }
    public bool Temporary { get; set; }

    public bool IsHeldOn(DateOnly day) => From <= day && (To is null || To >= day);
}
