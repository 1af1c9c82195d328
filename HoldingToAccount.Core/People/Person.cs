namespace HoldingToAccount.Core.People;

public class Person
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public bool Active { get; set; } = true;
    public List<RoleHolding> Holdings { get; set; } = [];
}
