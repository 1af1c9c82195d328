namespace HoldingToAccount.Core.People;

/// <summary>An office that owns actions (CC, DCC, ACC, PCC…). The person to contact is whoever holds it on the day.</summary>
public class Role
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }

    /// <summary>The role this one answers to (an ACC's line is the DCC or CC): who an escalation goes to.</summary>
    public int? LineRoleId { get; set; }
    public Role? LineRole { get; set; }
    public List<RoleHolding> Holdings { get; set; } = [];
}
