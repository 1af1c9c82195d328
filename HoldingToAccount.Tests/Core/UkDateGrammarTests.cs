using System.Text;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Grammar;
using HoldingToAccount.Core.Import;

namespace HoldingToAccount.Tests.Core;

/// <summary>The notes importer and the due-phrase parser read dates with one grammar; import and export read bullets and "none" alike.</summary>
public class UkDateGrammarTests
{
    private static DateOnly? NotesDate(string dateLine) =>
        NotesParser.Parse(NotesReader.Read("notes.txt", Encoding.UTF8.GetBytes(
            "Holding to Account Meeting\n" + dateLine + "\n\n1. CUSTODY\nThe Chief Constable reported on custody.\n"))).Date?.Value;

    [Theory]
    [InlineData("Wednesday 1st March 2017", "2017-03-01")]
    [InlineData("Weds 1 March 2017", "2017-03-01")]
    [InlineData("Thurs 2nd of Mar 2017", "2017-03-02")]
    [InlineData("March 3rd, 2017", "2017-03-03")]
    [InlineData("03/03/2017", "2017-03-03")]
    [InlineData("3.3.17", "2017-03-03")]
    [InlineData("2017-03-03", "2017-03-03")]
    public void A_date_the_notes_head_with_is_the_date_a_due_phrase_names(string written, string iso)
    {
        var expected = DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, NotesDate("Date: " + written));
        var due = DuePhraseParser.Parse("by " + written, new DateOnly(2017, 1, 31));
        Assert.Equal(DueTargetKind.Date, due.Kind);
        Assert.Equal(expected, due.Date);
    }

    [Theory]
    [InlineData("31 February 2017")]
    [InlineData("31/02/2017")]
    [InlineData("3/3/2150")]
    [InlineData("3/3/1850")]
    public void A_day_that_does_not_exist_or_a_year_outside_the_range_is_no_date_to_either_reader(string written)
    {
        Assert.Null(NotesDate("Date: " + written));
        Assert.Equal(DueTargetKind.Unrecognised, DuePhraseParser.Parse("by " + written, new DateOnly(2017, 1, 31)).Kind);
    }

    [Fact]
    public void The_year_range_is_the_one_the_year_patterns_can_write()
    {
        Assert.NotNull(UkDateGrammar.Date(UkDateGrammar.FirstYear, 1, 1));
        Assert.NotNull(UkDateGrammar.Date(UkDateGrammar.LastYear, 12, 31));
        Assert.Null(UkDateGrammar.Date(UkDateGrammar.FirstYear - 1, 12, 31));
        Assert.Null(UkDateGrammar.Date(UkDateGrammar.LastYear + 1, 1, 1));
        Assert.Equal(DueTargetKind.Unrecognised, DuePhraseParser.Parse("by 3 March next year", new DateOnly(UkDateGrammar.LastYear, 1, 31)).Kind);
    }

    [Theory]
    [InlineData("There were no actions arising")]
    [InlineData("There were none.")]
    [InlineData("None")]
    [InlineData("No further actions")]
    [InlineData("Nil")]
    public void What_the_importer_takes_for_none_the_notes_document_also_leaves_out(string phrase)
    {
        Assert.True(NotesPhrases.SaysNone(phrase));
        Assert.Equal("", ExportText.ActionsArisingLine("Actions arising: " + phrase));
    }

    [Theory]
    [InlineData("• Review the custody figures", "Review the custody figures")]
    [InlineData("- Review the custody figures", "Review the custody figures")]
    [InlineData("● Review the custody figures", "Review the custody figures")]
    [InlineData("► Review the custody figures", "Review the custody figures")]
    public void A_bullet_the_importer_strips_is_a_bullet_in_the_notes_document(string line, string text)
    {
        Assert.Equal(line.Length - text.Length, NotesPhrases.BulletLength(line));
        Assert.Equal(text, ExportText.BulletText(line));
    }

    [Theory]
    [InlineData("a) Review the custody figures")]
    [InlineData("-5 degrees on the night")]
    public void Lettered_items_and_a_dash_without_a_space_keep_their_wording_in_the_notes_document(string line) =>
        Assert.Null(ExportText.BulletText(line));
}
