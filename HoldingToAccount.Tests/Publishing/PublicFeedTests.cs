using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Publishing;

namespace HoldingToAccount.Tests.Publishing;

/// <summary>The Atom feed of published notes, read back by a real feed parser (Debian's python3-feedparser) and checked
/// against the elements RFC 4287 requires.</summary>
public sealed class PublicFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly PublicLinkOptions Links = new() { PublicBaseUrl = "https://hta.example.org" };

    private static readonly PublicMeeting[] Published =
    [
        new(12, "Monthly Assurance Meeting", "Monthly Assurance Meeting January 2017", new(2017, 1, 31), new(10, 30), new DateTime(2017, 2, 6, 9, 15, 0, DateTimeKind.Utc)),
        new(14, "Monthly Assurance Meeting", "Monthly Assurance Meeting March 2017 & <review>", new(2017, 3, 28), new(10, 30), new DateTime(2017, 4, 3, 14, 0, 0, DateTimeKind.Utc)),
    ];

    [Fact]
    public void A_feed_reader_reads_the_feed_as_valid_Atom_with_the_newest_publication_first()
    {
        var parsed = FeedParser.Parse(PublicFeed.Write(Published, Links, "Office of the Police and Crime Commissioner"));

        Assert.Equal(0, parsed.GetProperty("bozo").GetInt32());
        Assert.Equal("atom10", parsed.GetProperty("version").GetString());
        var entries = parsed.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["Monthly Assurance Meeting March 2017 & <review>", "Monthly Assurance Meeting January 2017"],
            entries.Select(e => e.GetProperty("title").GetString()));
        Assert.Equal("https://hta.example.org/public/meetings/14", entries[0].GetProperty("link").GetString());
        Assert.Equal("2017-04-03T14:00:00Z", entries[0].GetProperty("published").GetString());
    }

    [Fact]
    public void The_feed_and_every_entry_carry_the_elements_Atom_requires()
    {
        var feed = XDocument.Parse(PublicFeed.Write(Published, Links, "Office of the Police and Crime Commissioner")).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" })
            Assert.Single(feed.Elements(Atom + required));
        Assert.Equal("2017-04-03T14:00:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == "https://hta.example.org/public/feed.atom");
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        foreach (var entry in entries)
        {
            foreach (var required in new[] { "id", "title", "updated" })
                Assert.Single(entry.Elements(Atom + required));
            Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
            Assert.True(Uri.IsWellFormedUriString(entry.Element(Atom + "id")!.Value, UriKind.Absolute));
        }
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
    }

    [Fact]
    public void With_nothing_published_the_feed_is_still_valid_and_empty()
    {
        var parsed = FeedParser.Parse(PublicFeed.Write([], Links, "Office of the Police and Crime Commissioner"));

        Assert.Equal(0, parsed.GetProperty("bozo").GetInt32());
        Assert.Empty(parsed.GetProperty("entries").EnumerateArray());
    }
}

/// <summary>Runs Debian's python3-feedparser (the test script installs it) over a feed and returns what it understood.</summary>
internal static class FeedParser
{
    private const string Script =
        "import sys, json, feedparser\n"
        + "d = feedparser.parse(sys.stdin.buffer.read())\n"
        + "print(json.dumps({'bozo': int(bool(d.bozo)), 'problem': str(d.get('bozo_exception', '')), 'version': d.version,"
        + " 'entries': [{'title': e.get('title'), 'link': e.get('link'), 'published': e.get('published')} for e in d.entries]}))\n";

    public static JsonElement Parse(string feed)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", Script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var python = Process.Start(start)!;
        python.StandardInput.Write(feed);
        python.StandardInput.Close();
        var output = python.StandardOutput.ReadToEnd();
        var errors = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, $"feedparser failed (is python3-feedparser installed?): {errors}");
        var parsed = JsonDocument.Parse(output).RootElement.Clone();
        Assert.True(parsed.GetProperty("bozo").GetInt32() == 0, $"feedparser found the feed malformed: {parsed.GetProperty("problem").GetString()}");
        return parsed;
    }
}
