using System.Text;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// Turns an uploaded notes file (.txt, .html, .htm, .docx; at most 5 MB) into <see cref="NotesText"/>, or refuses it
/// with a <see cref="DomainException"/> that says why.
/// </summary>
public static class NotesReader
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Extensions = [".txt", ".html", ".htm", ".docx"];

    public static async Task<NotesText> ReadFileAsync(string path, CancellationToken ct = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new DomainException($"The file '{path}' does not exist.");
        CheckExtension(info.Name);
        if (info.Length > MaxBytes)
            throw TooLarge(info.Name, info.Length);
        return Read(info.Name, await File.ReadAllBytesAsync(path, ct));
    }

    public static NotesText Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = CheckExtension(fileName);
        if (content.Length == 0)
            throw new DomainException($"'{fileName}' is empty.");
        if (content.Length > MaxBytes)
            throw TooLarge(fileName, content.Length);

        var raw = extension == ".docx"
            ? DocxToText.Read(fileName, content)
            : ReadText(fileName, content, extension);

        var notes = new NotesText(raw);
        if (notes.Lines.Count == 0)
            throw new DomainException($"'{fileName}' contains no text to import.");
        return notes;
    }

    private static string ReadText(string fileName, byte[] content, string extension)
    {
        var text = Decode(fileName, content);
        if (extension is ".html" or ".htm")
            return HtmlToText.Convert(text, fileName, keepLayout: false);
        // Plain text may carry HTML fragments inside its columns (as some exports do): convert those in place.
        return HtmlToText.LooksLikeHtml(text) ? HtmlToText.Convert(text, fileName, keepLayout: true) : text;
    }

    private static string CheckExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            var shown = extension.Length == 0 ? "no extension" : $"a '{extension}' extension";
            throw new DomainException(
                $"'{fileName}' has {shown}; only {string.Join(", ", Extensions)} notes can be imported.");
        }
        return extension;
    }

    private static DomainException TooLarge(string fileName, long length) =>
        new($"'{fileName}' is {length / (1024.0 * 1024.0):0.0} MB; notes of up to 5 MB can be imported.");

    /// <summary>UTF-8 (with or without a byte-order mark), UTF-16 with a mark, or else Windows Latin; binary is refused.</summary>
    private static string Decode(string fileName, byte[] content)
    {
        string text;
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
            text = Encoding.Unicode.GetString(content, 2, content.Length - 2);
        else if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF)
            text = Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        else
        {
            if (Array.IndexOf(content, (byte)0) >= 0)
                throw NotText(fileName);
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.Latin1.GetString(content);
            }
        }

        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')))
                control++;
        }
        if (control > 0 && control * 100 > text.Length)
            throw NotText(fileName);
        return text;
    }

    private static DomainException NotText(string fileName) =>
        new($"'{fileName}' does not look like text: it may be a binary file renamed. Save the notes as .txt, .html or .docx.");
}
