using System.Globalization;
using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Tests.Core;

public class DuePhraseParserTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DuePhrase ParseAndCheckSpan(string? text, string raisedOn)
    {
        var result = DuePhraseParser.Parse(text, Day(raisedOn));
        if (result.Kind == DueTargetKind.Unrecognised)
        {
            Assert.Null(result.Date);
            Assert.Equal((text ?? string.Empty).Trim(), result.Phrase);
            Assert.Equal(0, result.Start);
            Assert.Equal(text?.Length ?? 0, result.Length);
        }
        else
        {
            Assert.NotNull(text);
            Assert.Equal(result.Phrase, text.Substring(result.Start, result.Length));
            Assert.Equal(result.Phrase.Trim(), result.Phrase);
        }
        return result;
    }

    private static void AssertParsed(string text, string raisedOn, DueTargetKind kind, string? date, string phrase)
    {
        var result = ParseAndCheckSpan(text, raisedOn);
        Assert.Equal(kind, result.Kind);
        Assert.Equal(date is null ? null : Day(date), result.Date);
        Assert.Equal(phrase, result.Phrase);
    }

    [Theory]
    [InlineData("The following two actions to be brought back to the February meeting", "2017-01-31", DueTargetKind.MeetingInMonth, "2017-02-01", "to the February meeting")]
    [InlineData("An update on JPP to be brought forward to the holding to account meeting in July 2017.", "2017-03-28", DueTargetKind.MeetingInMonth, "2017-07-01", "to the holding to account meeting in July 2017")]
    [InlineData("An options paper is required for the July meeting to address how Track my Crime ...", "2016-06-28", DueTargetKind.MeetingInMonth, "2016-07-01", "for the July meeting")]
    [InlineData("Update to the next meeting", "2017-01-31", DueTargetKind.NextMeeting, null, "to the next meeting")]
    [InlineData("Item deferred until the next meeting.", "2017-01-31", DueTargetKind.NextMeeting, null, "until the next meeting")]
    [InlineData("next meeting", "2017-01-31", DueTargetKind.NextMeeting, null, "next meeting")]
    [InlineData("To be considered at a future weekly meeting", "2017-01-31", DueTargetKind.NoDate, null, "at a future weekly meeting")]
    [InlineData("Report back within two weeks", "2017-01-31", DueTargetKind.Date, "2017-02-14", "within two weeks")]
    [InlineData("Report back in 3 weeks", "2017-01-31", DueTargetKind.Date, "2017-02-21", "in 3 weeks")]
    [InlineData("Revisit in 6 months' time", "2017-01-31", DueTargetKind.Date, "2017-07-31", "in 6 months' time")]
    [InlineData("Revisit in 6 months time", "2017-01-31", DueTargetKind.Date, "2017-07-31", "in 6 months time")]
    [InlineData("Paper by 3 March 2017", "2017-01-31", DueTargetKind.Date, "2017-03-03", "by 3 March 2017")]
    [InlineData("Paper by the end of March", "2017-01-31", DueTargetKind.Date, "2017-03-31", "by the end of March")]
    public void Seed_phrases_resolve_to_the_meeting_month_or_date(string text, string raisedOn, DueTargetKind kind, string? date, string phrase) =>
        AssertParsed(text, raisedOn, kind, date, phrase);

    [Theory]
    [InlineData("within two weeks", "2017-02-14", "within two weeks")]
    [InlineData("in 3 weeks", "2017-02-21", "in 3 weeks")]
    [InlineData("in one week", "2017-02-07", "in one week")]
    [InlineData("in 4 months", "2017-05-31", "in 4 months")]
    [InlineData("in six months", "2017-07-31", "in six months")]
    [InlineData("in twelve months", "2018-01-31", "in twelve months")]
    [InlineData("in a month", "2017-02-28", "in a month")]
    [InlineData("in a month's time", "2017-02-28", "in a month's time")]
    [InlineData("in a fortnight", "2017-02-14", "in a fortnight")]
    [InlineData("within a fortnight.", "2017-02-14", "within a fortnight")]
    [InlineData("in ten days", "2017-02-10", "in ten days")]
    [InlineData("within the next two weeks", "2017-02-14", "within the next two weeks")]
    [InlineData("in the next month", "2017-02-28", "in the next month")]
    [InlineData("in a year's time", "2018-01-31", "in a year's time")]
    [InlineData("Report back IN THREE WEEKS.", "2017-02-21", "IN THREE WEEKS")]
    public void Relative_periods_count_from_the_raising_date(string text, string date, string phrase) =>
        AssertParsed(text, "2017-01-31", DueTargetKind.Date, date, phrase);

    [Theory]
    [InlineData("one", 1)]
    [InlineData("two", 2)]
    [InlineData("three", 3)]
    [InlineData("four", 4)]
    [InlineData("five", 5)]
    [InlineData("six", 6)]
    [InlineData("seven", 7)]
    [InlineData("eight", 8)]
    [InlineData("nine", 9)]
    [InlineData("ten", 10)]
    [InlineData("eleven", 11)]
    [InlineData("twelve", 12)]
    [InlineData("Twenty", 20)]
    public void Number_words_count_the_same_as_digits(string word, int number)
    {
        var raisedOn = Day("2017-01-31");
        var weeks = DuePhraseParser.Parse($"in {word} weeks", raisedOn);
        var months = DuePhraseParser.Parse($"revisit in {word} months' time", raisedOn);
        Assert.Equal(raisedOn.AddDays(7 * number), weeks.Date);
        Assert.Equal(raisedOn.AddMonths(number), months.Date);
        Assert.Equal(DuePhraseParser.Parse($"in {number} weeks", raisedOn).Date, weeks.Date);
        Assert.Equal(DuePhraseParser.Parse($"revisit in {number} months' time", raisedOn).Date, months.Date);
    }

    [Theory]
    [InlineData("by 3 March 2017", "2017-01-31", "2017-03-03", "by 3 March 2017")]
    [InlineData("by 3rd March 2017", "2017-01-31", "2017-03-03", "by 3rd March 2017")]
    [InlineData("by the 3rd of March 2017", "2017-01-31", "2017-03-03", "by the 3rd of March 2017")]
    [InlineData("by 03/03/2017", "2017-01-31", "2017-03-03", "by 03/03/2017")]
    [InlineData("by 3/3/17", "2017-01-31", "2017-03-03", "by 3/3/17")]
    [InlineData("by 03.03.2017", "2017-01-31", "2017-03-03", "by 03.03.2017")]
    [InlineData("by 04/03/2017", "2017-01-31", "2017-03-04", "by 04/03/2017")]
    [InlineData("by March 3rd, 2017", "2017-01-31", "2017-03-03", "by March 3rd, 2017")]
    [InlineData("by Friday 3 March 2017", "2017-01-31", "2017-03-03", "by Friday 3 March 2017")]
    [InlineData("no later than 2017-03-03", "2017-01-31", "2017-03-03", "no later than 2017-03-03")]
    [InlineData("Deadline: 3 Mar 2017", "2017-01-31", "2017-03-03", "Deadline: 3 Mar 2017")]
    [InlineData("Due: 3 March 2017", "2017-01-31", "2017-03-03", "Due: 3 March 2017")]
    [InlineData("by 29 February 2016", "2016-01-31", "2016-02-29", "by 29 February 2016")]
    [InlineData("by 3 March", "2017-01-31", "2017-03-03", "by 3 March")]
    [InlineData("by 10 March", "2017-03-10", "2017-03-10", "by 10 March")]
    [InlineData("by 3 March", "2017-03-10", "2018-03-03", "by 3 March")]
    public void Explicit_dates_read_day_month_year_the_uk_way(string text, string raisedOn, string date, string phrase) =>
        AssertParsed(text, raisedOn, DueTargetKind.Date, date, phrase);

    [Theory]
    [InlineData("by the end of March", "2017-01-31", "2017-03-31", "by the end of March")]
    [InlineData("by the end of March", "2017-03-15", "2018-03-31", "by the end of March")]
    [InlineData("by the end of March", "2017-04-01", "2018-03-31", "by the end of March")]
    [InlineData("by end of February", "2016-01-10", "2016-02-29", "by end of February")]
    [InlineData("by the end of March 2018", "2017-01-10", "2018-03-31", "by the end of March 2018")]
    [InlineData("by the end of this month", "2017-01-10", "2017-01-31", "by the end of this month")]
    [InlineData("by the end of the month", "2017-04-10", "2017-04-30", "by the end of the month")]
    [InlineData("by the end of next month", "2017-12-10", "2018-01-31", "by the end of next month")]
    public void End_of_month_is_the_last_day_of_the_next_such_month(string text, string raisedOn, string date, string phrase) =>
        AssertParsed(text, raisedOn, DueTargetKind.Date, date, phrase);

    [Theory]
    [InlineData("next meeting", "next meeting")]
    [InlineData("NEXT MEETING", "NEXT MEETING")]
    [InlineData("Bring back to the next meeting.", "to the next meeting")]
    [InlineData("Deferred until the next meeting", "until the next meeting")]
    [InlineData("To return to the next holding to account meeting", "to the next holding to account meeting")]
    [InlineData("Update at the next HTA", "at the next HTA")]
    [InlineData("for the next available meeting", "for the next available meeting")]
    public void Next_meeting_phrases_carry_no_date(string text, string phrase) =>
        AssertParsed(text, "2017-01-31", DueTargetKind.NextMeeting, null, phrase);

    [Theory]
    [InlineData("at a future weekly meeting", "at a future weekly meeting")]
    [InlineData("To be discussed at a future weekly meeting.", "at a future weekly meeting")]
    [InlineData("To return at a later date", "at a later date")]
    [InlineData("Workshop, date TBC", "date TBC")]
    public void Future_meeting_phrases_are_undated_and_need_a_due_point(string text, string phrase)
    {
        AssertParsed(text, "2017-01-31", DueTargetKind.NoDate, null, phrase);
        Assert.True(DuePhraseParser.Parse(text, Day("2017-01-31")).NeedsDuePoint);
    }

    [Theory]
    [InlineData("the February meeting", "2017-01-31", "2017-02-01")]
    [InlineData("the February meeting", "2017-03-01", "2018-02-01")]
    [InlineData("the February meeting", "2017-02-07", "2018-02-01")]
    [InlineData("the January meeting", "2017-12-12", "2018-01-01")]
    [InlineData("the December meeting", "2017-11-30", "2017-12-01")]
    [InlineData("the meeting in July", "2017-07-04", "2018-07-01")]
    [InlineData("brought back in July", "2017-06-04", "2017-07-01")]
    [InlineData("the July 2017 meeting", "2017-07-04", "2017-07-01")]
    [InlineData("the meeting in February 2019", "2017-03-01", "2019-02-01")]
    public void A_month_without_a_year_is_the_first_such_month_after_the_raising_month(string text, string raisedOn, string firstOfMonth)
    {
        var result = ParseAndCheckSpan(text, raisedOn);
        Assert.Equal(DueTargetKind.MeetingInMonth, result.Kind);
        Assert.Equal(Day(firstOfMonth), result.Date);
    }

    [Theory]
    [InlineData("in March next year", "2017-01-31", DueTargetKind.MeetingInMonth, "2018-03-01", "in March next year")]
    [InlineData("to the March meeting next year", "2017-01-31", DueTargetKind.MeetingInMonth, "2018-03-01", "to the March meeting next year")]
    [InlineData("the December meeting this year", "2017-01-31", DueTargetKind.MeetingInMonth, "2017-12-01", "the December meeting this year")]
    [InlineData("by 3 March next year", "2017-01-31", DueTargetKind.Date, "2018-03-03", "by 3 March next year")]
    public void This_year_or_next_year_in_words_sets_the_year(string text, string raisedOn, DueTargetKind kind, string date, string phrase) =>
        AssertParsed(text, raisedOn, kind, date, phrase);

    [Theory]
    [InlineData("this month's meeting", "2017-02-07", "2017-02-01", "this month's meeting")]
    [InlineData("to this month’s meeting", "2017-02-07", "2017-02-01", "to this month’s meeting")]
    [InlineData("to the meeting later this month", "2017-02-07", "2017-02-01", "to the meeting later this month")]
    [InlineData("to the February meeting this month", "2017-02-07", "2017-02-01", "to the February meeting this month")]
    [InlineData("next month's meeting", "2017-12-07", "2018-01-01", "next month's meeting")]
    [InlineData("deferred until next month", "2017-12-07", "2018-01-01", "until next month")]
    public void The_raising_month_counts_only_when_it_is_called_this_month(string text, string raisedOn, string firstOfMonth, string phrase) =>
        AssertParsed(text, raisedOn, DueTargetKind.MeetingInMonth, firstOfMonth, phrase);

    [Theory]
    [InlineData("by 31 February 2017")]
    [InlineData("by 29 February 2017")]
    [InlineData("by 30th February")]
    [InlineData("by 32 March 2017")]
    [InlineData("by 31/04/2017")]
    [InlineData("by 13/13/2017")]
    [InlineData("by 00/03/2017")]
    [InlineData("by 2017-02-30")]
    [InlineData("by Monday 3 March 2017")]
    [InlineData("to the March meeting this month")]
    public void Impossible_or_contradictory_dates_are_unrecognised_not_guessed(string text)
    {
        var result = ParseAndCheckSpan(text, "2017-02-07");
        Assert.Equal(DueTargetKind.Unrecognised, result.Kind);
        Assert.True(result.NeedsDuePoint);
    }

    [Theory]
    [InlineData("Chief Constable to provide an update")]
    [InlineData("  ASAP  ")]
    [InlineData("in a few weeks")]
    [InlineData("in 2-3 weeks")]
    [InlineData("in 0 weeks")]
    [InlineData("by March")]
    [InlineData("soon\r\n")]
    [InlineData("Agreed at the January meeting")]
    [InlineData("Actions arising from the meeting in January 2017")]
    public void Unrecognised_text_is_kept_verbatim_and_flagged(string text)
    {
        var result = ParseAndCheckSpan(text, "2017-01-31");
        Assert.Equal(DueTargetKind.Unrecognised, result.Kind);
        Assert.Null(result.Date);
        Assert.Equal(text.Trim(), result.Phrase);
        Assert.Equal(0, result.Start);
        Assert.Equal(text.Length, result.Length);
        Assert.True(result.NeedsDuePoint);
    }

    public static TheoryData<string?> HostileInputs => new()
    {
        null,
        string.Empty,
        "   ",
        "\0",
        "\u0001\u0002\u0003\u001b[31m\u007f",
        "\uD800\uDC00\uD800",
        "by \u0663 March 2017",
        new string('x', 10_000),
        string.Concat(Enumerable.Repeat("next ", 2_000)),
        string.Concat(Enumerable.Repeat("to the ", 1_500)),
        string.Concat(Enumerable.Repeat("in 6 ", 2_500)),
        string.Concat(Enumerable.Repeat("by 3/", 2_000)),
        string.Concat(Enumerable.Repeat("holding to account ", 600)),
        string.Concat(Enumerable.Repeat("\u00AD", 10_000)),
        string.Concat(Enumerable.Repeat("\u2019s ", 4_000)),
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_input_never_throws_and_is_unrecognised(string? text)
    {
        var result = ParseAndCheckSpan(text, "2017-01-31");
        Assert.Equal(DueTargetKind.Unrecognised, result.Kind);
        Assert.Equal((text ?? string.Empty).Trim(), result.Phrase);
    }

    [Theory]
    [InlineData("in 999 years", "9999-12-31")]
    [InlineData("within 999 weeks", "9999-01-01")]
    [InlineData("the January meeting", "9999-06-01")]
    [InlineData("by the end of next month", "9999-12-01")]
    public void Dates_beyond_the_calendar_are_unrecognised_rather_than_thrown(string text, string raisedOn) =>
        Assert.Equal(DueTargetKind.Unrecognised, ParseAndCheckSpan(text, raisedOn).Kind);

    [Fact]
    public void A_phrase_at_the_end_of_ten_thousand_characters_is_found_at_its_offset()
    {
        var text = new string('x', 9_970) + " to the next meeting";
        var result = ParseAndCheckSpan(text, "2017-01-31");
        Assert.Equal(DueTargetKind.NextMeeting, result.Kind);
        Assert.Equal(9_971, result.Start);
        Assert.Equal("to the next meeting".Length, result.Length);
    }

    [Theory]
    [InlineData("next\0meeting", DueTargetKind.NextMeeting, null, "next\0meeting")]
    [InlineData("\u0001\u0002by 3 March 2017\u0007", DueTargetKind.Date, "2017-03-03", "by 3 March 2017")]
    [InlineData("\tdeferred until\nthe next\r\nmeeting\t", DueTargetKind.NextMeeting, null, "until\nthe next\r\nmeeting")]
    public void Control_characters_count_as_spaces(string text, DueTargetKind kind, string? date, string phrase) =>
        AssertParsed(text, "2017-01-31", kind, date, phrase);

    [Theory]
    [InlineData("revisit in 6 months\u2019 time", DueTargetKind.Date, "2017-07-31", "in 6 months\u2019 time")]
    [InlineData("in a month\u2019s time", DueTargetKind.Date, "2017-02-28", "in a month\u2019s time")]
    [InlineData("in 6 months\u02BC time", DueTargetKind.Date, "2017-07-31", "in 6 months\u02BC time")]
    [InlineData("to the next\u00A0meeting", DueTargetKind.NextMeeting, null, "to the next\u00A0meeting")]
    [InlineData("to\u202Fthe\u2007February\u00A0meeting", DueTargetKind.MeetingInMonth, "2017-02-01", "to\u202Fthe\u2007February\u00A0meeting")]
    [InlineData("by\u00A03\u00A0March\u00A02017", DueTargetKind.Date, "2017-03-03", "by\u00A03\u00A0March\u00A02017")]
    [InlineData("by 03\u201303\u20132017", DueTargetKind.Date, "2017-03-03", "by 03\u201303\u20132017")]
    [InlineData("by 2017\u201403\u201403", DueTargetKind.Date, "2017-03-03", "by 2017\u201403\u201403")]
    [InlineData("to the holding\u2013to\u2013account meeting in July", DueTargetKind.MeetingInMonth, "2017-07-01", "to the holding\u2013to\u2013account meeting in July")]
    [InlineData("to the Feb\u00ADruary meeting", DueTargetKind.MeetingInMonth, "2017-02-01", "to the Feb\u00ADruary meeting")]
    [InlineData("\uFEFFby \uFF13 March 2017", DueTargetKind.Date, "2017-03-03", "by \uFF13 March 2017")]
    [InlineData("TO THE FEBRUARY MEETING", DueTargetKind.MeetingInMonth, "2017-02-01", "TO THE FEBRUARY MEETING")]
    [InlineData("Within Two Weeks", DueTargetKind.Date, "2017-02-14", "Within Two Weeks")]
    public void Look_alike_unicode_and_case_do_not_break_matching(string text, DueTargetKind kind, string? date, string phrase) =>
        AssertParsed(text, "2017-01-31", kind, date, phrase);

    [Theory]
    [InlineData("Prefix text. The Chief Constable to report back within two weeks.", 48, "within two weeks")]
    [InlineData("ACC (Ops) to circulate the paper by 03/03/2017 to all members", 33, "by 03/03/2017")]
    [InlineData("  next meeting  ", 2, "next meeting")]
    [InlineData("JPP: update to the holding to account meeting in July 2017.", 12, "to the holding to account meeting in July 2017")]
    public void Phrase_start_and_length_point_at_the_matched_span(string text, int start, string phrase)
    {
        var result = ParseAndCheckSpan(text, "2017-01-31");
        Assert.NotEqual(DueTargetKind.Unrecognised, result.Kind);
        Assert.Equal(start, result.Start);
        Assert.Equal(phrase.Length, result.Length);
        Assert.Equal(phrase, result.Phrase);
        Assert.Equal(phrase, text.Substring(result.Start, result.Length));
    }

    [Theory]
    [InlineData("Actions arising from the January meeting: the following to be brought back to the February meeting", DueTargetKind.MeetingInMonth, "2017-02-01", "to the February meeting")]
    [InlineData("Minutes of the meeting on 3 January 2017 were agreed; update to the next meeting", DueTargetKind.NextMeeting, null, "to the next meeting")]
    [InlineData("Raised in March 2016 and now deferred until the next meeting", DueTargetKind.NextMeeting, null, "until the next meeting")]
    [InlineData("Following the December meeting, a paper is required for the March meeting", DueTargetKind.MeetingInMonth, "2017-03-01", "for the March meeting")]
    [InlineData("To be discussed at the February meeting", DueTargetKind.MeetingInMonth, "2017-02-01", "at the February meeting")]
    public void Backward_references_in_a_lead_in_are_not_taken_as_the_due_point(string text, DueTargetKind kind, string? date, string phrase) =>
        AssertParsed(text, "2017-01-31", kind, date, phrase);

    [Theory]
    [InlineData("to the next meeting, or by 3 March 2017 at the latest", DueTargetKind.NextMeeting, null, "to the next meeting")]
    [InlineData("by 3 March 2017, otherwise to the next meeting", DueTargetKind.Date, "2017-03-03", "by 3 March 2017")]
    [InlineData("to the next meeting in July", DueTargetKind.MeetingInMonth, "2017-07-01", "to the next meeting in July")]
    [InlineData("within two weeks and again in six months", DueTargetKind.Date, "2017-02-14", "within two weeks")]
    public void The_earliest_and_then_longest_phrase_wins(string text, DueTargetKind kind, string? date, string phrase) =>
        AssertParsed(text, "2017-01-31", kind, date, phrase);

    [Theory]
    [InlineData(DueTargetKind.NextMeeting, false)]
    [InlineData(DueTargetKind.MeetingInMonth, false)]
    [InlineData(DueTargetKind.Date, false)]
    [InlineData(DueTargetKind.NoDate, true)]
    [InlineData(DueTargetKind.Unrecognised, true)]
    public void Only_unrecognised_and_undated_phrases_need_a_due_point(DueTargetKind kind, bool needsDuePoint) =>
        Assert.Equal(needsDuePoint, new DuePhrase(kind, null, "x", 0, 1).NeedsDuePoint);
}
