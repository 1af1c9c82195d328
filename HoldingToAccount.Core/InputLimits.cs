namespace HoldingToAccount.Core;

/// <summary>
/// The longest text each field takes. The input records carry these as DataAnnotations, the services refuse longer
/// text with them, and the forms stop typing at them, so a form never offers what the service would refuse.
/// </summary>
public static class InputLimits
{
    public const int MeetingTitle = 300;
    public const int Venue = 300;

    /// <summary>A person's name, and the chair or minute-taker of a meeting.</summary>
    public const int PersonName = 200;

    /// <summary>The capacity an attendee came in ("Chief Constable", "for the PCC").</summary>
    public const int Capacity = 300;

    /// <summary>The longest e-mail address the standards allow.</summary>
    public const int Email = 320;

    public const int RoleCode = 16;
    public const int RoleTitle = 200;
    public const int ActionText = 4000;
    public const int DuePhrase = 500;
    public const int UpdateText = 20_000;
    public const int Reason = 2000;
    public const int AgendaItemTitle = 500;
    public const int Questions = 20_000;
    public const int Findings = 50_000;
}
