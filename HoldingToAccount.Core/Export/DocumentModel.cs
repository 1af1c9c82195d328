namespace HoldingToAccount.Core.Export;

/// <summary>
/// A document as a list of blocks, laid out once (<see cref="NotesLayout"/>) and written as .docx or HTML, so both
/// formats say the same thing in the same order.
/// </summary>
public abstract record Block;

/// <summary>A heading: level 1 is the document's title, 2 a section, 3 an item.</summary>
public sealed record Heading(int Level, string Text) : Block;

public sealed record Span(string Text, bool Bold = false, bool Italic = false);

public sealed record Paragraph(IReadOnlyList<Span> Spans) : Block
{
    public static Paragraph Plain(string text) => new([new Span(text)]);

    public static Paragraph Label(string label) => new([new Span(label, Bold: true)]);

    /// <summary>"Chair: John Campion", the label in bold.</summary>
    public static Paragraph Labelled(string label, string text) => new([new Span(label + " ", Bold: true), new Span(text)]);

    public static Paragraph Italic(string text) => new([new Span(text, Italic: true)]);
}

public sealed record BulletList(IReadOnlyList<string> Items) : Block;

/// <summary>A table with one header row. Each cell holds paragraphs or lists; weights share out the width.</summary>
public sealed record Table(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<TableCell>> Rows, IReadOnlyList<int> Weights) : Block;

public sealed record TableCell(IReadOnlyList<Block> Content)
{
    public static TableCell Text(string text) => new([Paragraph.Plain(text)]);
}

/// <summary>What a writer needs besides the blocks: the title for the file's properties, and the page's orientation.</summary>
public sealed record DocumentInfo(string Title, string Subject, bool Landscape = false);
