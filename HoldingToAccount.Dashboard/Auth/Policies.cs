namespace HoldingToAccount.Dashboard.Auth;

/// <summary>The app's roles (Identity roles) and the policies pages and endpoints name.</summary>
public static class AppRoles
{
    public const string Secretariat = "Secretariat";
    public const string Chair = "Chair";
    public const string Officer = "Officer";
    public const string Viewer = "Viewer";

    public static readonly string[] All = [Secretariat, Chair, Officer, Viewer];
}

public static class Policies
{
    /// <summary>Any signed-in user with an app role: read everything.</summary>
    public const string Read = "Read";

    /// <summary>Secretariat only: meetings, people, users, tokens, outbox, audit trail, Hangfire.</summary>
    public const string Secretariat = "Secretariat";

    /// <summary>Secretariat or chair: close, carry, defer and add actions; run a meeting; control the board.</summary>
    public const string ChairOrSecretariat = "ChairOrSecretariat";

    /// <summary>Anyone who may post updates (officers on their own actions; the rule itself lives in Core).</summary>
    public const string Update = "Update";
}
