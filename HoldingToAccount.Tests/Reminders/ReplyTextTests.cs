using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Reminders.Replies;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>Reading the updates out of e-mailed replies as Outlook, Gmail and Apple Mail shape them.</summary>
public sealed class ReplyTextTests
{
    private const string Original = """
        1 action due at the Monthly Assurance Meeting February 2017 on Tuesday 28 February 2017
        ==========================================================================================

        Dear Anthony Bangham,

        * 2017/01  Agree a minimum standard for investigating domestic burglary
            Owner: CC
            Post an update on 2017/01: https://hta.example.org/my-actions?ref=2017-01

        Reply to this e-mail to post an update: one line starting with the reference, e.g. `2017/01: Minimum standard agreed at COG`. Add `complete` to propose completion.
        Reply reference: hta-abcdefghijklmnopqrstuvwxyz234567
        """;

    [Fact]
    public void An_Outlook_reply_keeps_the_text_above_its_header_block_and_drops_the_signature_and_the_unquoted_original()
    {
        var body = $"""
            Hi Sam,

            2017/01: Minimum standard agreed at COG on 14 February.
            2017/02 - Figures reviewed with the LPA commanders.

            Kind regards
            Anthony

            Anthony Bangham | Chief Constable | West Mercia Police

            ________________________________
            From: OPCC reminders <reminders@example.org>
            Sent: 18 February 2017 08:00
            To: Anthony Bangham <anthony.bangham@example.org>
            Subject: 1 action due at the Monthly Assurance Meeting February 2017

            {Original}
            """;

        Assert.Equal(
            [new EmailedUpdate("2017/01", "Minimum standard agreed at COG on 14 February.", false),
             new EmailedUpdate("2017/02", "Figures reviewed with the LPA commanders.", false)],
            ReplyText.Updates(ReplyText.NewText(body)));
    }

    [Fact]
    public void An_Outlook_reply_without_the_underscore_line_is_cut_at_its_From_and_Sent_headers()
    {
        var body = $"""
            2017/01: Agreed at COG.

            From: OPCC reminders <reminders@example.org>
            Sent: Saturday, February 18, 2017 8:00 AM
            To: Anthony Bangham
            Subject: Actions

            {Original}
            """;

        Assert.Equal([new EmailedUpdate("2017/01", "Agreed at COG.", false)], ReplyText.Updates(ReplyText.NewText(body)));
    }

    [Fact]
    public void A_Gmail_reply_is_cut_at_its_attribution_line_even_when_Gmail_wraps_it()
    {
        var quoted = string.Join('\n', Original.Split('\n').Select(l => "> " + l));
        var body = $"""
            2017/01: Minimum standard agreed at COG, complete

            On Sat, 18 Feb 2017 at 08:00, OPCC reminders <
            reminders@example.org> wrote:

            {quoted}
            """;

        Assert.Equal([new EmailedUpdate("2017/01", "Minimum standard agreed at COG", true)], ReplyText.Updates(ReplyText.NewText(body)));
        Assert.Equal("2017/01: Minimum standard agreed at COG, complete", ReplyText.NewText(body));
    }

    [Fact]
    public void An_Apple_Mail_reply_from_a_phone_drops_its_tag_line_and_the_quoted_original()
    {
        var quoted = string.Join('\n', Original.Split('\n').Select(l => "> " + l));
        var body = $"""
            2017/01 complete
            2017/02 - Meeting with the LPA commanders booked for 2 March

            Sent from my iPhone

            > On 18 Feb 2017, at 08:00, OPCC reminders <reminders@example.org> wrote:
            >
            {quoted}
            """;

        Assert.Equal(
            [new EmailedUpdate("2017/01", "Complete (by e-mail reply).", true),
             new EmailedUpdate("2017/02", "Meeting with the LPA commanders booked for 2 March", false)],
            ReplyText.Updates(ReplyText.NewText(body)));
    }

    [Fact]
    public void A_signature_after_the_dash_dash_line_is_not_read()
    {
        var body = "2017/01: Agreed.\n-- \n2017/09: Chief Constable, West Mercia Police\n";

        Assert.Equal([new EmailedUpdate("2017/01", "Agreed.", false)], ReplyText.Updates(ReplyText.NewText(body)));
    }

    [Fact]
    public void An_update_continues_over_following_lines_until_a_blank_line()
    {
        var updates = ReplyText.Updates("Re: 2017/01: Minimum standard agreed at COG\non 14 February, to be\npublished in March.\n\nThanks\nAnthony");

        Assert.Equal([new EmailedUpdate("2017/01", "Minimum standard agreed at COG on 14 February, to be published in March.", false)], updates);
    }

    [Fact]
    public void Complete_proposes_completion_only_as_the_first_or_last_word_and_not_when_the_text_says_it_is_not()
    {
        Assert.Equal(
            [new EmailedUpdate("2017/01", "Work is not yet complete", false),
             new EmailedUpdate("2017/02", "Work to complete the review has started", false),
             new EmailedUpdate("2017/03", "Report published", true),
             new EmailedUpdate("2017/04", "Report published", true)],
            ReplyText.Updates("2017/01: Work is not yet complete\n2017/02: Work to complete the review has started\n2017/03: complete - Report published\n2017/04: Report published. Complete."));
    }

    [Fact]
    public void A_reply_that_names_no_reference_gives_no_update()
    {
        Assert.Empty(ReplyText.Updates(ReplyText.NewText("Thanks, I will look at these next week.\n\nAnthony\n\n> 2017/01  An action")));
    }
}
