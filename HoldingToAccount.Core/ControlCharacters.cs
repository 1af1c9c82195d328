using System.Buffers;

namespace HoldingToAccount.Core;

/// <summary>
/// Characters no one types on purpose and that do harm downstream: C0 and C1 controls (NUL cuts a string short, ESC
/// drives a terminal) and the bidi embeddings, overrides and isolates that make text read differently from how it is
/// stored. Tab, line feed and carriage return stay: updates and findings run over several lines.
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<char> _unwanted = SearchValues.Create(
        Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r'))
            .Concat(Enumerable.Range(0x7F, 0x9F - 0x7F + 1))
            .Concat(Enumerable.Range(0x202A, 5))
            .Concat(Enumerable.Range(0x2066, 4))
            .Select(c => (char)c).ToArray());

    public static bool Present(string text) => text.AsSpan().ContainsAny(_unwanted);

    /// <summary>The text without them (the same instance when it had none).</summary>
    public static string Strip(string text)
    {
        if (!Present(text))
            return text;
        return string.Create(text.Length - Count(text), text, (destination, source) =>
        {
            var written = 0;
            foreach (var c in source)
            {
                if (!_unwanted.Contains(c))
                    destination[written++] = c;
            }
        });
    }

    private static int Count(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (_unwanted.Contains(c))
                count++;
        }
        return count;
    }
}
