using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using HoldingToAccount.Core.Export;

namespace HoldingToAccount.Core.Publishing;

/// <summary>The Atom feed (RFC 4287) of published notes, newest publication first, for the office's website and news readers.</summary>
public static class PublicFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    private static readonly XNamespace _atom = "http://www.w3.org/2005/Atom";

    /// <summary>How many publications the feed carries; the public list has them all.</summary>
    public const int Entries = 50;

    public static string Write(IReadOnlyList<PublicMeeting> meetings, PublicLinkOptions links, string publisher)
    {
        var newest = meetings.OrderByDescending(m => m.PublishedAtUtc).Take(Entries).ToList();
        var updated = newest.Count == 0 ? new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) : newest[0].PublishedAtUtc;
        var feed = new XElement(_atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "en-GB"),
            new XElement(_atom + "id", links.Link("public").AbsoluteUri),
            new XElement(_atom + "title", "Holding to account: published meeting notes"),
            new XElement(_atom + "subtitle", "Notes of the Police and Crime Commissioner's holding to account meetings, as published."),
            new XElement(_atom + "updated", Instant(updated)),
            new XElement(_atom + "author", new XElement(_atom + "name", publisher)),
            Link("self", links.Link("public/feed.atom"), "application/atom+xml"),
            Link("alternate", links.Link("public"), "text/html"),
            newest.Select(m => Entry(m, links)));
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false };
        using var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, settings))
            new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Save(writer);
        return text.ToString();
    }

    private static XElement Entry(PublicMeeting meeting, PublicLinkOptions links)
    {
        var page = links.Link($"public/meetings/{meeting.Id.ToString(CultureInfo.InvariantCulture)}");
        return new XElement(_atom + "entry",
            // A republished meeting is news again, so each publication is its own entry.
            new XElement(_atom + "id", $"{page.AbsoluteUri}#published-{meeting.PublishedAtUtc.ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture)}"),
            new XElement(_atom + "title", ExportText.XmlSafe(meeting.Title)),
            new XElement(_atom + "published", Instant(meeting.PublishedAtUtc)),
            new XElement(_atom + "updated", Instant(meeting.PublishedAtUtc)),
            Link("alternate", page, "text/html"),
            Link("related", links.Link($"public/meetings/{meeting.Id.ToString(CultureInfo.InvariantCulture)}/notes.docx"), NotesDocument.DocxContentType),
            new XElement(_atom + "summary",
                ExportText.XmlSafe($"Notes of the {meeting.SeriesName} held on {London.LongDateTime(meeting.Date, meeting.StartTime)}.")));
    }

    private static XElement Link(string rel, Uri href, string type) =>
        new(_atom + "link", new XAttribute("rel", rel), new XAttribute("href", href.AbsoluteUri), new XAttribute("type", type));

    private static string Instant(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter() : base(CultureInfo.InvariantCulture) { }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
