using System.Globalization;
using HoldingToAccount.Core.Import;

namespace HoldingToAccount.Tests.Import;

/// <summary>Reads the notes kept under TestData/Notes (copied to the test output; nothing is read from outside the repo).</summary>
internal static class NotesTestFiles
{
    public static string PathOf(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Notes", folder, name);

    public static ImportDraft Parse(string folder, string name) =>
        NotesParser.Parse(NotesReader.Read(name, File.ReadAllBytes(PathOf(folder, name))));

    public static ImportDraft ParseSeed(string name) => Parse("seeds", name);

    public static ImportDraft ParseVariety(string name) => Parse("variety", name);

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly Month(string yyyyMm) => DateOnly.ParseExact(yyyyMm + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every span in the draft lies inside the source text, and a value's span shows that value.</summary>
    public static void AssertSpansPointIntoSource(ImportDraft draft)
    {
        void Inside(SourceSpan span)
        {
            Assert.InRange(span.Start, 0, draft.SourceText.Length);
            Assert.InRange(span.End, span.Start, draft.SourceText.Length);
        }

        foreach (var text in new[] { draft.Title, draft.Venue, draft.Chair, draft.MinuteTaker })
        {
            if (text is null)
                continue;
            Inside(text.Span);
            Assert.Equal(TextOf(draft, text.Span), text.Value);
        }
        foreach (var person in draft.Attendees.Concat(draft.Apologies))
        {
            Inside(person.Span);
            Assert.Equal(person.Name, TextOf(draft, person.Span));
        }
        foreach (var item in draft.Items)
            Inside(item.Span);
        foreach (var action in draft.Actions)
        {
            Inside(action.Span);
            if (action.Due.Span is { } due)
            {
                Inside(due);
                Assert.Equal(Squash(action.Due.Phrase!), TextOf(draft, due));
            }
            if (action.OwnerSpan is { } owner)
                Inside(owner);
        }
    }

    private static string TextOf(ImportDraft draft, SourceSpan span) => Squash(draft.SourceText.Substring(span.Start, span.Length));

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
