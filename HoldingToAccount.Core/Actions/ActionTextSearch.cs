using System.Globalization;
using System.Text;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Actions;

/// <summary>
/// Text search over the register: an action matches when every word typed starts a word of its text, the title of the
/// agenda item it was raised under, or one of its updates, in any order ("burg north" finds "North Worcestershire
/// burglary"). A reference ("2017/03") finds that action. The words are read out of what was typed (letters and digits
/// only), so quotes and search operators in it are plain separators and cannot break the query.
/// <para>
/// The database does the matching through the <c>action_search</c> index its migrations keep up to date with triggers
/// (see <see cref="Data.Migrations.ActionSearchIndex"/>): FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL.
/// </para>
/// </summary>
public static class ActionTextSearch
{
    /// <summary>More words than anyone types; keeps a pasted paragraph from becoming an enormous query.</summary>
    public const int MaxWords = 24;

    private const int _maxWordLength = 64;

    public static IQueryable<ActionItem> Matching(AppDbContext db, IQueryable<ActionItem> actions, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (ActionReference.TryParse(text, out var year, out var sequence))
            return actions.Where(a => a.Year == year && a.Sequence == sequence);
        var words = Words(text);
        if (words.Count == 0)
            return actions.Where(a => false);
        var matching = db.Database.IsNpgsql()
            ? db.Database.SqlQuery<int>($"SELECT action_id AS \"Value\" FROM action_search WHERE document @@ to_tsquery('simple', {PostgresQuery(words)})")
            : db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM action_search WHERE action_search MATCH {SqliteQuery(words)}");
        return actions.Where(a => matching.Contains(a.Id));
    }

    /// <summary>The same rule for actions already in memory: every word of <paramref name="query"/> starts a word of
    /// one of <paramref name="texts"/>; no words, everything matches.</summary>
    public static bool Matches(string? query, params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var wanted = Words(query);
        if (wanted.Count == 0)
            return true;
        var have = texts.SelectMany(Split).ToList();
        return wanted.All(w => have.Exists(h => h.StartsWith(w, StringComparison.Ordinal)));
    }

    /// <summary>The words in <paramref name="text"/>, lower-cased, as the search indexes split theirs.</summary>
    public static IReadOnlyList<string> Words(string? text) => Split(text).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();

    private static List<string> Split(string? text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            Add();
        }
        Add();
        return words;

        void Add()
        {
            if (word.ToString().Any(char.IsLetterOrDigit))
                words.Add(word.Length > _maxWordLength ? word.ToString(0, _maxWordLength) : word.ToString());
            word.Clear();
        }
    }

    /// <summary>FTS5: each word quoted as a string and prefix-matched; words side by side must all match.</summary>
    public static string SqliteQuery(IReadOnlyList<string> words) =>
        string.Join(' ', words.Select(w => "\"" + w + "\"*"));

    /// <summary>PostgreSQL tsquery: each word quoted as a lexeme and prefix-matched, joined by "and".</summary>
    public static string PostgresQuery(IReadOnlyList<string> words) =>
        string.Join(" & ", words.Select(w => "'" + w + "':*"));
}
