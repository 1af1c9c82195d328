using HoldingToAccount.Core.Import;
using static HoldingToAccount.Tests.Import.NotesTestFiles;

namespace HoldingToAccount.Tests.Import;

/// <summary>
/// Boards that keep their actions in a separate log still give the odd task in the minutes as a plain "XX to …"
/// sentence. Notes written for these tests; names are invented.
/// </summary>
public class UnlabelledTaskTests
{
    private static ImportDraft Parse(string text) => NotesParser.Parse(new NotesText(text));

    private const string Header = """
        Strategy Board Minutes – 14 March 2024

        Present: Hannah Crisp (HC) – Police and Crime Commissioner; Owen Tallis (OT) – Chief Constable; Priya Lund (PL) – Chief Executive
        Apologies: Gareth Moss (GM) – Deputy Chief Constable

        """;

    [Fact]
    public void Notes_that_mark_no_action_have_their_task_sentences_read_as_actions_with_the_people_as_owners_and_a_warning_each()
    {
        var draft = Parse(Header + """
            1. Minutes and action log
            The minutes were agreed. Actions are kept in the action log. GM to send a correction to the secretariat by email.

            2. Estates
            • OT and PL to meet the council about the shared custody site. The board noted the paper.
            """);

        Assert.Equal(2, draft.Actions.Count);
        var correction = draft.Actions[0];
        Assert.Equal("GM to send a correction to the secretariat by email.", correction.Text);
        Assert.Equal(["DCC"], correction.Owners); // initials stand for the role the list gives the person
        Assert.False(correction.BroughtForward); // a task given under the action-log item is new work
        var meeting = draft.Actions[1];
        Assert.Equal(["CC", "CEX"], meeting.Owners);
        Assert.StartsWith("OT and PL to meet the council", meeting.Text, StringComparison.Ordinal);
        Assert.Equal(2, draft.Warnings.Count(w => w.Contains("although the notes do not mark it as one", StringComparison.Ordinal)));
        AssertSpansPointIntoSource(draft);
    }

    [Fact]
    public void Running_the_meeting_is_not_a_task_and_notes_that_mark_their_actions_keep_only_those()
    {
        var procedural = Parse(Header + """
            1. Welcome
            HC welcomed the board. OT to take the chair from 11am while HC attends the panel.
            """);
        Assert.Empty(procedural.Actions);

        var marked = Parse(Header + """
            1. Estates
            OT to brief the board on the custody site when it next meets.
            Action: PL to publish the estates strategy by June 2024.
            """);
        var action = Assert.Single(marked.Actions);
        Assert.Equal(["CEX"], action.Owners);
        Assert.DoesNotContain(marked.Warnings, w => w.Contains("although the notes do not mark it", StringComparison.Ordinal));
    }
}
