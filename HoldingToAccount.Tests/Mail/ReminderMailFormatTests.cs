using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Core.Reminders.Replies;
using HoldingToAccount.Tests.Reminders;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HoldingToAccount.Tests.Mail;

/// <summary>
/// Every kind of message the register sends, written out by the composer from one register and saved as the pickup
/// folder saves it: Outlook-safe HTML, a plain-text body saying the same, quoted-printable text parts whose accents
/// and pound signs come back as they were written.
/// </summary>
[Needs(Need.Database, Need.Smtp)]
public sealed partial class ReminderMailFormatTests
{
    private const string Accented = "Café licensing: £250,000 bid – naïve “first” draft";

    /// <summary>The kinds this register has content for; a kind added later is checked too as soon as it composes.</summary>
    private static readonly ReminderKind[] Composed =
    [
        ReminderKind.MeetingDigest, ReminderKind.ActionsArising, ReminderKind.DueDate, ReminderKind.Overdue,
        ReminderKind.OverdueSummary, ReminderKind.WrittenResponses, ReminderKind.Chase, ReminderKind.Escalation, ReminderKind.ReplyReceipt,
    ];

    [Fact]
    public async Task Every_kind_of_message_is_outlook_safe_with_a_matching_plain_text_body_and_quoted_printable_text_parts()
    {
        await using var h = await ReminderHarness.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var (jan, feb) = await h.JanuaryAndFebruaryAsync();
        var dueSoon = await h.Register.ActionAsync(jan, Accented, "to the February meeting");
        var dated = await h.Register.ActionAsync(jan, "DCC to send the custody audit to the PCC", "by 10 February 2017", owners: ["DCC", "CC"]);
        await h.Database.Get<ActionService>().AddUpdateAsync(dueSoon.Reference, null,
            "Draft shared with the OPCC on 12 January.\nFigures for Q3 attached; the £ figures are provisional.", null, RegisterBuilder.Secretariat);
        await using (var db = await h.Database.CreateContextAsync())
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == feb);
            meeting.WrittenResponsesDue = new DateOnly(2017, 2, 20);
            db.AgendaItems.Add(new AgendaItem
            {
                MeetingId = feb, Section = "4a", Number = "4a.1", Title = "Performance – the police and crime plan", Order = 1,
                Questions = "1. What is the force doing about repeat burglary?\n2. How much of the £1.2m uplift is spent?",
            });
            await db.SaveChangesAsync();
        }
        var dueOn = Assert.IsType<DateOnly>(dated.DueDate);

        var composer = h.Get<ReminderComposer>();
        var pickup = Path.Combine(Path.GetTempPath(), $"hta-mail-format-{Guid.NewGuid():N}");
        var sender = new PickupFolderEmailSender(Options.Create(new EmailOptions { PickupDirectory = pickup }));
        var problems = new List<string>();
        var checkedKinds = new List<ReminderKind>();
        try
        {
            var id = 1000;
            foreach (var kind in Enum.GetValues<ReminderKind>())
            {
                var delivery = new ReminderDelivery
                {
                    Id = ++id,
                    Kind = kind,
                    Recipient = "anthony.bangham@example.org",
                    RecipientName = "Anthony Bangham",
                    SubjectKey = "test",
                    MeetingId = kind == ReminderKind.ActionsArising ? jan : feb,
                    ActionItemId = kind is ReminderKind.DueDate or ReminderKind.Overdue ? dated.Id : dueSoon.Id,
                    PlannedFor = kind switch
                    {
                        ReminderKind.ActionsArising => new DateOnly(2017, 2, 1),
                        ReminderKind.DueDate => dueOn,
                        ReminderKind.Overdue or ReminderKind.OverdueSummary => dueOn.AddDays(14),
                        ReminderKind.WrittenResponses => new DateOnly(2017, 2, 16),
                        _ => new DateOnly(2017, 2, 18),
                    },
                    RoleCodes = "CC ACC",
                    VacantRoleCodes = "ACC",
                    Note = "A word from the secretariat – thank you.",
                    ReplyToken = "k7q2m4x9c3v8b5n1z6w0r2t4y7u1i3o5",
                };
                var composed = await composer.ComposeAsync(delivery);
                if (composed is null)
                {
                    Assert.DoesNotContain(kind, Composed);
                    continue;
                }
                checkedKinds.Add(kind);
                if (ReplyInvitation.InvitesReply(kind))
                    problems.AddRange(new[] { ReplyInvitation.Instructions, ReplyInvitation.FooterPrefix + delivery.ReplyToken }
                        .Where(line => !composed.Text.Contains(line, StringComparison.Ordinal))
                        .Select(line => $"{kind}: the reply line \"{line}\" is missing"));
                problems.AddRange(OutlookSafeHtml.Problems(composed.Html).Select(p => $"{kind}: {p}"));
                problems.AddRange(MissingFromText(composed).Select(p => $"{kind}: the plain text lacks \"{p}\""));

                Directory.CreateDirectory(pickup);
                foreach (var old in Directory.GetFiles(pickup))
                    File.Delete(old);
                Assert.True((await sender.SendAsync(composer.ToMessage(delivery, composed))).Accepted);
                var bytes = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(pickup, "*.eml")));
                problems.AddRange(MimeCheck.Problems(bytes).Select(p => $"{kind}: {p}"));
                using var stream = new MemoryStream(bytes);
                var written = await MimeMessage.LoadAsync(stream);
                Assert.Equal(composed.Text.ReplaceLineEndings(), written.TextBody!.ReplaceLineEndings());
                Assert.Equal(composed.Html.ReplaceLineEndings(), written.HtmlBody!.ReplaceLineEndings());
            }
        }
        finally
        {
            if (Directory.Exists(pickup))
                Directory.Delete(pickup, recursive: true);
        }

        Assert.Empty(problems);
        Assert.Superset(Composed.ToHashSet(), checkedKinds.ToHashSet());
    }

    /// <summary>Every piece of text the HTML shows, in the plain text too (ignoring spacing and a trailing colon).</summary>
    private static IEnumerable<string> MissingFromText(ComposedReminder composed)
    {
        var text = Squash(composed.Text);
        var document = new HtmlParser().ParseDocument(composed.Html);
        var shown = document.Body!.Descendants<IText>().Select(t => Squash(t.Data).TrimEnd(':')).Where(t => t.Length > 0);
        var links = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!);
        return shown.Concat(links).Where(piece => !text.Contains(piece, StringComparison.Ordinal)).Distinct();
    }

    private static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
