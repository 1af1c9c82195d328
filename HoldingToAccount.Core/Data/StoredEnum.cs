using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace HoldingToAccount.Core.Data;

/// <summary>An enum as <see cref="AppDbContext"/> stores it (its member's name, as <c>HaveConversion&lt;string&gt;</c>
/// writes it), read back by code that reads a data reader itself.</summary>
public static class StoredEnum
{
    private static readonly ConcurrentDictionary<Type, object> ByName = new();

    /// <summary>The member named <paramref name="stored"/>; a name no member has fails as EF Core's converter would.</summary>
    public static T Parse<T>(string stored)
        where T : struct, Enum
    {
        var names = (FrozenDictionary<string, T>)ByName.GetOrAdd(typeof(T),
            static _ => Enum.GetNames<T>().ToFrozenDictionary(name => name, Enum.Parse<T>, StringComparer.Ordinal));
        return names.TryGetValue(stored, out var value) ? value : Enum.Parse<T>(stored);
    }
}
