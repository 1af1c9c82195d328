using System.Text.RegularExpressions;
using HoldingToAccount.Core.Import;

namespace HoldingToAccount.Core.Meetings;

/// <summary>
/// What a section of a series' agenda template is for. Series number and title their sections as they please ("1
/// Outstanding matters", "A Outstanding actions", "2 Matters arising"), so pages, notes and the board ask the purpose,
/// never the number or the title.
/// </summary>
public enum SectionPurpose
{
    /// <summary>Items of business, with their questions, findings and actions arising.</summary>
    Business,

    /// <summary>The open actions brought forward to the meeting, with their updates.</summary>
    BroughtForward,

    /// <summary>The date of the next meeting.</summary>
    NextMeeting,
}

public static partial class SectionPurposes
{
    /// <summary>
    /// The purpose a heading in written notes gives its section: "Outstanding matters / items brought forward", "Actions
    /// from the previous meeting", "Action log" hold the actions brought forward; "Date of next meeting" the next meeting.
    /// </summary>
    public static SectionPurpose FromTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (BroughtForwardRegex().IsMatch(title))
            return SectionPurpose.BroughtForward;
        return TextRules.MentionsNextMeeting(title) ? SectionPurpose.NextMeeting : SectionPurpose.Business;
    }

    /// <summary>Whether items (a revisit, for one) may be put in a section: not in the one that lists the actions brought forward.</summary>
    public static bool TakesItems(SectionPurpose purpose) => purpose != SectionPurpose.BroughtForward;

    [GeneratedRegex(@"^(?:outstanding|items?\s+brought\s+forward|actions?\s+brought\s+forward|brought\s+forward|previous\s+actions|actions?\s+(?:from|of)\s+(?:the\s+)?(?:previous|last)\s+meeting|action\s+log|matters\s+arising\s+from\s+(?:the\s+)?(?:previous|last))",
        TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex BroughtForwardRegex();
}
