using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// Notes that keep their actions in a separate log still give the odd task in the minutes as a plain sentence ("MW to
/// send another amendment to the secretariat via email."). Such sentences are only candidates: they become actions
/// when the notes mark no action at all, since notes that mark their actions say which sentences are actions.
/// </summary>
internal sealed partial class BodyReader
{
    private readonly List<(NoteLine Sentence, OwnerMatch Owners, string? Item)> _unlabelled = [];

    /// <summary>"ZM and LW to meet …" in a line of prose: a sentence whose subject is people the notes list, then "to" and a verb.</summary>
    private void NoteUnlabelledTasks(NoteLine line)
    {
        var prose = TextRules.TryStripBullet(line, out var content) ? content : line;
        var start = 0;
        foreach (var end in SentenceBoundaryRegex().Matches(prose.Text).Select(b => b.Index).Append(prose.Text.Length))
        {
            var sentence = new NoteLine(prose.Start + start, prose.Text[start..end]).From(0);
            start = end;
            if (owners.MatchSubject(sentence) is not { } subject)
                continue;
            var afterOwners = sentence.Text[(subject.Span.Start + subject.Span.Length - sentence.Start)..];
            if (TaskVerbRegex().IsMatch(afterOwners) && !ProceduralRegex().IsMatch(afterOwners))
                _unlabelled.Add((sentence, subject, _item));
        }
    }

    /// <summary>
    /// When the notes marked no action, the task sentences of the minutes are their actions; each is named in a warning,
    /// since nothing in the notes says it is one.
    /// </summary>
    public void TakeUnlabelledTasksIfNoActions(List<string> warnings)
    {
        if (_actions.Count > 0)
            return;
        foreach (var (sentence, subject, item) in _unlabelled)
        {
            // A task given in the minutes is new work, even under the item that reviews the action log.
            var action = new PendingAction(item, broughtForward: false);
            action.Lines.Add(sentence);
            action.SetOwners(subject);
            _actions.Add(action);
            warnings.Add($"\"{TextRules.Squash(sentence.Text)}\" was read as an action although the notes do not mark it as one: check it.");
        }
    }

    [GeneratedRegex(@"(?<=[a-z0-9)][.!?:])\s+(?=[A-Z])", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex SentenceBoundaryRegex();

    [GeneratedRegex(@"^\s+to\s+[a-z]", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex TaskVerbRegex();

    /// <summary>Running the meeting itself is not a task: "WN to take the chair from 11am".</summary>
    [GeneratedRegex(@"^\s+to\s+(?:take\s+(?:over\s+)?the\s+chair|chair\b|leave\b|join\b|arrive\b|present\b|introduce\b)", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex ProceduralRegex();
}
