using System.Globalization;
using System.Text;

namespace HoldingToAccount.Core.People;

public static class RoleCodes
{
    /// <summary>"t/dcc " → "T/DCC"; look-alike letters (Cyrillic С, fullwidth Ｃ…) fold to their Latin twins.</summary>
    public static string Normalise(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return "";
        var folded = code.Trim().Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
            builder.Append(LookAlikes.TryGetValue(c, out var latin) ? latin : char.ToUpper(c, CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['А'] = 'A', ['а'] = 'A', ['В'] = 'B', ['С'] = 'C', ['с'] = 'C', ['Е'] = 'E', ['е'] = 'E', ['Н'] = 'H',
        ['К'] = 'K', ['М'] = 'M', ['О'] = 'O', ['о'] = 'O', ['Р'] = 'P', ['р'] = 'P', ['Т'] = 'T', ['Х'] = 'X',
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Κ'] = 'K', ['Μ'] = 'M', ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T',
        ['∕'] = '/', ['⁄'] = '/',
    };
}
