using System.Collections.Frozen;

namespace HoldingToAccount.Core.Data;

/// <summary>An enum as <see cref="AppDbContext"/> stores it (its member's name, as <c>HaveConversion&lt;string&gt;</c>
/// writes it), read back by code that reads a data reader itself.</summary>
public static class StoredEnum
{
    /// <summary>The member named <paramref name="stored"/>; a name no member has fails as EF Core's converter would.</summary>
    public static T Parse<T>(string stored)
        where T : struct, Enum =>
        Names<T>.ByName.TryGetValue(stored, out var value) ? value : Enum.Parse<T>(stored);

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<string, T> ByName =
            Enum.GetNames<T>().ToFrozenDictionary(name => name, Enum.Parse<T>, StringComparer.Ordinal);
    }
}
