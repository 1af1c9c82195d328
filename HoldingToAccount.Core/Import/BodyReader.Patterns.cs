using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Import;

/// <summary>The line patterns <see cref="BodyReader"/> recognises.</summary>
internal sealed partial class BodyReader
{
    [GeneratedRegex(@"^(?:\*\*)?(?:actions?\s+(?:arising|agreed|points?)(?:\s+from\s+(?:this|the)\s+(?:item|discussion))?|agreed\s+actions?)(?:\*\*)?\s*(?:[:\-–—]\s*|$)",
        TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex ActionLabelRegex();

    [GeneratedRegex(@"^(?:\*\*)?actions?(?:\*\*)?\s*(?::|[-–—])\s*(?<rest>\S.*)$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex InlineActionRegex();

    [GeneratedRegex(@"\b(?:(?:this|the)\s+item\s+(?:was|has\s+been|is)\s+deferred|item\s+deferred|deferred\s+(?:until|to)\s+the\s+next\s+meeting)\b",
        TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex DeferredRegex();

    [GeneratedRegex(@"^(?:(?:19|20)[0-9]{2}/[0-9]{1,3})\b[\s:\-–—]*(?<rest>\S.*)$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex ReferenceRegex();

    [GeneratedRegex(
        @"^(?:update\s*:?\s*)?\(?(?<date>[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4}|[0-9]{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+[0-9]{4})\)?\s*[:\-–—]?\s*(?<text>.*?)[\s.,;:\-–—(]*(?<status>c\s*/\s*fwd|b\s*/\s*fwd|carried\s+forward|complete[d]?|closed|discharged|ongoing|open)\)?\.?$",
        TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex DatedUpdateRegex();

    [GeneratedRegex(@"^(?:\*\*)?(?:update|progress\s+update)(?:\*\*)?\s*[:\-–—]\s*(?:\*\*)?(?<text>\p{L}.*)$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex TextUpdateRegex();

    [GeneratedRegex(@"(?:^|\t)[ \t]*(?:(?<open>c\s*/\s*fwd|b\s*/\s*fwd|carried\s+forward|open|ongoing)|completed?|closed|discharged|done)\.?$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex StatusCellRegex();

    [GeneratedRegex(@"(?<=\S)[ \t]+(?:\*\*)?actions?(?:\*\*)?[ \t]*[:\-–—][ \t]*(?<owners>[^:\t]{2,40})$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex TrailingActionRegex();

    [GeneratedRegex(@"^\(?[1-9][0-9]{0,2}[.)]?$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex RowNumberRegex();

    [GeneratedRegex(@"^(?:actions?|owners?|lead|responsible|by\s+whom|due(?:\s+date)?|by\s+when|deadline|target(?:\s+date)?|ref(?:erence)?|no\.?|item|date|rag|"
        + @"(?:status|update|progress|comments?)(?:\s*(?:/|&|and)\s*(?:status|rag|update|progress|comments?))?)\s*:?$",
        TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex ColumnHeadingRegex();

    [GeneratedRegex(@"^(?:\*\*)?(?:update|updates|findings|response|question|questions|discussion|outcome)(?:\*\*)?\s*:?(?:\*\*)?$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"(?:[-–—]|\s)\s*(?:completed?|done|closed)\.?\s*$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex CompletedRegex();

    /// <summary>A column heading for updates ("Update", "Progress / status", "Comments").</summary>
    [GeneratedRegex(@"^(?:update|progress|comments?)\b", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex UpdateHeadingRegex();

    /// <summary>The status a cell of updates ends with: "… Status: Ongoing", "… – Complete", "… (C/Fwd)".</summary>
    [GeneratedRegex(@"(?<=^|[\s.;,(–—-])\s*(?:status\s*[:\-–]\s*)?\(?(?:(?<open>c\s*/\s*fwd|b\s*/\s*fwd|carried\s+forward|open|ongoing|in\s+progress)|completed?|closed|discharged|done)\)?\.?\s*$",
        TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex UpdateStatusRegex();
}
