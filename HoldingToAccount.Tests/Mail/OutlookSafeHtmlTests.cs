using HoldingToAccount.Core.Reminders;

namespace HoldingToAccount.Tests.Mail;

/// <summary>The Outlook check finds what Outlook would spoil, and passes the register's own layout kit.</summary>
public sealed class OutlookSafeHtmlTests
{
    [Fact]
    public void The_old_reminder_markup_fails_for_its_subject_long_heading_unstyled_lists_and_a_font_named_only_on_the_body()
    {
        const string old = """
            <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>1 action due at the Monthly Assurance Meeting February 2017 on Tuesday 28 February 2017</title></head><body style="font-family:Arial,sans-serif;line-height:1.5">
            <h1>1 action due at the Monthly Assurance Meeting February 2017 on Tuesday 28 February 2017</h1>
            <ol><li><h3>2017/01: An update</h3><dl><dt>Status</dt><dd>Open</dd></dl></li></ol>
            </body></html>
            """;

        var problems = OutlookSafeHtml.Problems(old);

        Assert.Contains(problems, p => p.StartsWith("<h1>", StringComparison.Ordinal) && p.Contains("characters long", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("<h1>", StringComparison.Ordinal) && p.Contains("repeats the whole subject", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("<ol>", StringComparison.Ordinal) && p.Contains("no inline style", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("<h3>", StringComparison.Ordinal) && p.Contains("names no font", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<style>td{padding:8px}</style>", "outside the elements")]
    [InlineData("<table role=\"presentation\" style=\"width:100%\"><tr><td class=\"card\" style=\"font-family:Arial\">x</td></tr></table>", "has a class")]
    [InlineData("<div style=\"display:flex;font-family:Arial\">x</div>", "a presentation table")]
    [InlineData("<table role=\"presentation\" style=\"width:100%\"><tr><td style=\"float:left;font-family:Arial\">x</td></tr></table>", "float:left")]
    [InlineData("<table role=\"presentation\" style=\"margin:0 auto;width:100%\"><tr><td style=\"font-family:Arial\">x</td></tr></table>", "margin:0 auto")]
    [InlineData("<table role=\"presentation\" width=\"640\" style=\"width:640px\"><tr><td style=\"font-family:Arial\">x</td></tr></table>", "wider than 600")]
    [InlineData("<table style=\"width:100%\"><tr><td style=\"font-family:Arial\">x</td></tr></table>", "without role")]
    [InlineData("<table role=\"presentation\" style=\"width:100%\"><tr><td style=\"padding:4px\"><p style=\"margin:0\">x</p></td></tr></table>", "names no font")]
    [InlineData("<p style=\"font-family:Arial\"><a href=\"https://hta.example.org/my-actions\">click here</a></p>", "does not say where it goes")]
    public void Each_thing_Outlook_spoils_is_named(string body, string named)
    {
        var html = $"<!DOCTYPE html><html lang=\"en-GB\"><head><title>Subject</title></head><body style=\"margin:0\"><h1 style=\"font-family:Arial\">Short</h1>{body}</body></html>";

        Assert.Contains(OutlookSafeHtml.Problems(html), p => p.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_built_from_the_layout_kit_passes()
    {
        var (html, _) = MailLayout.Document("4 actions due at the Monthly Assurance Meeting February 2017 on Tuesday 28 February 2017",
        [
            MailLayout.Heading("4 actions due on 28 February"),
            MailLayout.Paragraph("Dear Anthony Bangham,\nPlease post an update."),
            MailLayout.Facts([("Meeting", "Monthly Assurance Meeting February 2017"), ("Venue", "Hindlip")]),
            MailLayout.Note("Please reply by Friday."),
            MailLayout.Section("Your actions due at this meeting (1)"),
            MailLayout.Action(new MailAction("2017/01", "An update on burglary", [("Status", "Open")], "Post an update on 2017/01", "https://hta.example.org/my-actions?ref=2017-01")),
            MailLayout.Subheading("4a.1 Performance"),
            MailLayout.Button("Open the meeting's agenda", "https://hta.example.org/meetings/2"),
        ], MailLayout.Footer(["You are receiving this as the holder of CC."]));

        Assert.Empty(OutlookSafeHtml.Problems(html));
    }
}
