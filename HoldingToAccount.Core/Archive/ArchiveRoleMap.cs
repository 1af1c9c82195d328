using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.People;

namespace HoldingToAccount.Core.Archive;

/// <summary>
/// Role codes renamed on the way into the new instance (<c>--map-role PCC=MAYOR</c>): the role itself — and so every
/// action it owns and every holding of it — plus the codes written into the actions' history and the reminders' records.
/// The audit trail keeps the old codes: it is a record of what happened then.
/// </summary>
public sealed class ArchiveRoleMap
{
    private readonly Dictionary<string, string> _renames;
    private readonly Dictionary<string, string> _titles;

    private ArchiveRoleMap(Dictionary<string, string> renames, Dictionary<string, string> titles) => (_renames, _titles) = (renames, titles);

    public static ArchiveRoleMap None { get; } = new([], []);

    public IReadOnlyDictionary<string, string> Renames => _renames;

    /// <summary>Reads <c>OLD=NEW</c> pairs, each optionally with the role's new title (<c>PCC=MAYOR:Mayor of the region</c>);
    /// a malformed pair is a wrong command line (ArgumentException).</summary>
    public static ArchiveRoleMap Parse(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var parts = pair.Split('=', 2);
            var target = parts.Length == 2 ? parts[1].Split(':', 2) : [""];
            var (from, to) = parts.Length == 2 ? (RoleCodes.Normalise(parts[0]), RoleCodes.Normalise(target[0])) : ("", "");
            if (from.Length == 0 || to.Length == 0 || to.Contains('=', StringComparison.Ordinal))
                throw new ArgumentException($"--map-role takes OLD=NEW (or OLD=NEW:New title), such as PCC=MAYOR; '{pair}' is not that.");
            if (target.Length == 2 && !string.IsNullOrWhiteSpace(target[1]))
                titles[to] = target[1].Trim();
            if (to.Any(c => char.IsWhiteSpace(c) || c == ActionPeriod.OwnerSeparator || char.IsControl(c)))
                throw new ArgumentException($"The new role code '{to}' may not contain spaces or '{ActionPeriod.OwnerSeparator}'.");
            if (!renames.TryAdd(from, to))
                throw new ArgumentException($"--map-role names {from} twice.");
        }
        if (renames.Values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"--map-role gives two roles the one new code {twice.Key}; each role keeps a code of its own.");
        return new ArchiveRoleMap(renames, titles);
    }

    /// <summary>Refuses (changing nothing) a rename of a role the archive does not have, or onto a code another of its roles keeps.</summary>
    internal void CheckAgainst(IReadOnlyCollection<string> codes)
    {
        foreach (var (from, to) in _renames)
        {
            if (!codes.Contains(from))
                throw new DomainException($"--map-role {from}={to}: the archive has no role {from}. Its roles are {string.Join(", ", codes.Order(StringComparer.Ordinal))}.");
            if (codes.Contains(to) && !_renames.ContainsKey(to))
                throw new DomainException($"--map-role {from}={to}: the archive already has a role {to}; give {from} a code of its own.");
        }
    }

    public string Code(string code) => _renames.TryGetValue(code, out var renamed) ? renamed : code;

    /// <summary>The title given for the renamed role, or null to keep the one it has.</summary>
    public string? Title(string newCode) => _titles.GetValueOrDefault(newCode);

    /// <summary>"PCC/CC" → "CC/MAYOR": the codes in <paramref name="joined"/> (known codes may themselves hold the separator,
    /// as T/DCC does) renamed, then put back in code order as the history writes them.</summary>
    public string Codes(string joined, char separator, IReadOnlyCollection<string> known, bool sort)
    {
        ArgumentNullException.ThrowIfNull(joined);
        if (_renames.Count == 0 || joined.Length == 0)
            return joined;
        var codes = Split(joined, separator, known).Select(Code);
        if (sort)
            codes = codes.Order(StringComparer.Ordinal);
        return string.Join(separator, codes);
    }

    private static List<string> Split(string joined, char separator, IReadOnlyCollection<string> known)
    {
        var longestFirst = known.OrderByDescending(k => k.Length).ToList();
        var codes = new List<string>();
        var at = 0;
        while (at < joined.Length)
        {
            var match = longestFirst.FirstOrDefault(k => string.CompareOrdinal(joined, at, k, 0, k.Length) == 0
                && (at + k.Length == joined.Length || joined[at + k.Length] == separator));
            var end = match is null ? joined.IndexOf(separator, at) is var next and >= 0 ? next : joined.Length : at + match.Length;
            codes.Add(joined[at..end]);
            at = end + 1;
        }
        return codes;
    }
}
