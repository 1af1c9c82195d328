using System.IO.Compression;
using System.Text;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Import;

/// <summary>Input the importer refuses: each gets a DomainException whose message says what is wrong.</summary>
public class BadNotesInputTests
{
    private static DomainException Refused(string name, byte[] content) =>
        Assert.Throws<DomainException>(() => NotesParser.Parse(NotesReader.Read(name, content)));

    [Fact]
    public void Empty_file() =>
        Assert.Contains("is empty", Refused("notes.txt", []).Message, StringComparison.Ordinal);

    [Fact]
    public void White_space_only() =>
        Assert.Contains("no text", Refused("notes.txt", Encoding.UTF8.GetBytes(" \n\t\r\n  ")).Message, StringComparison.Ordinal);

    [Fact]
    public void Binary_file_renamed_to_txt()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        Assert.Contains("does not look like text", Refused("notes.txt", bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_file()
    {
        var bytes = new byte[(int)NotesReader.MaxBytes + 1];
        Array.Fill(bytes, (byte)'a');
        Assert.Contains("up to 5 MB", Refused("notes.txt", bytes).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.pdf")]
    [InlineData("notes.exe")]
    [InlineData("notes")]
    [InlineData("notes.doc")]
    public void Wrong_extension(string name) =>
        Assert.Contains("only .txt, .html, .htm, .docx", Refused(name, Encoding.UTF8.GetBytes("1. ITEM ONE")).Message, StringComparison.Ordinal);

    [Fact]
    public void Html_whose_comment_never_ends() =>
        Assert.Contains("not well-formed HTML",
            Refused("notes.html", Encoding.UTF8.GetBytes("<html><body><!-- a comment that never ends <p>text</p>")).Message, StringComparison.Ordinal);

    [Fact]
    public void Hugely_nested_html_is_refused_without_overflowing_the_stack()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 200_000)) + "Action: CC to report." + string.Concat(Enumerable.Repeat("</div>", 200_000));
        Assert.Contains("nests HTML elements", Refused("notes.html", Encoding.UTF8.GetBytes(html)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_with_only_a_script_has_no_text()
    {
        var html = "<html><head><script>alert('x')</script><style>p{}</style></head><body></body></html>";
        Assert.Contains("no text", Refused("notes.html", Encoding.UTF8.GetBytes(html)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_that_is_not_a_zip() =>
        Assert.Contains("cannot be read as a Word document", Refused("notes.docx", Encoding.UTF8.GetBytes("plain text, not a package")).Message, StringComparison.Ordinal);

    [Fact]
    public void Docx_that_is_a_zip_without_a_document()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("hello");
        }
        Assert.Contains("cannot be read as a Word document", Refused("notes.docx", stream.ToArray()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_docx()
    {
        var whole = WordFile.Build(WordFile.Para("Date: Tuesday 31 October 2017"), WordFile.WordTable(["1.", "AOB", ""]));
        Assert.Contains("cannot be read as a Word document", Refused("notes.docx", whole[..(whole.Length / 2)]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_is_refused() =>
        await Assert.ThrowsAsync<DomainException>(() => NotesReader.ReadFileAsync(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.txt")));
}
