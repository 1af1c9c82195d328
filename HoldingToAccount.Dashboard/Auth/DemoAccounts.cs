namespace HoldingToAccount.Dashboard.Auth;

/// <summary>One demo user per app role, linked to people of the demo register. Passwords are generated and shown once.</summary>
public static class DemoAccounts
{
    public static readonly NewUser[] Users =
    [
        new("sam.carter@example.org", "Sam Carter", AppRoles.Secretariat, "sam.carter@example.org"),
        new("john.campion@example.org", "John Campion", AppRoles.Chair, "john.campion@example.org"),
        new("anthony.bangham@example.org", "Anthony Bangham", AppRoles.Officer, "anthony.bangham@example.org"),
        new("andy.champness@example.org", "Andy Champness", AppRoles.Viewer, "andy.champness@example.org"),
    ];

    public static async Task<IReadOnlyList<CreatedUser>> CreateAsync(AccountService accounts)
    {
        var created = new List<CreatedUser>();
        foreach (var user in Users)
            if (await accounts.FindAsync(user.Email) is null)
                created.Add(await accounts.CreateUserAsync(user, password: null, actor: "demo data"));
        return created;
    }

    public static string Describe(IReadOnlyList<CreatedUser> created) =>
        string.Join(Environment.NewLine, created.Select(u => $"  {u.Role,-12} {u.Email,-32} password: {u.GeneratedPassword}"));
}
