using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HoldingToAccount.Core.Archive;

/// <summary>One column of a table as the archive carries it: its name and the plain value type both databases agree on.</summary>
internal sealed record ArchiveColumn(string Name, Type ValueType, RelationalTypeMapping Mapping, ValueConverter? Converter);

/// <summary>
/// One table of the register as the archive carries it, described from the EF model of whichever database the app is
/// on, so the same table reads and writes alike on SQLite and PostgreSQL.
/// </summary>
internal sealed record ArchiveTable(
    string Name,
    IReadOnlyList<ArchiveColumn> Columns,
    IReadOnlyList<string> Key,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> SelfReferences,
    string? Identity)
{
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
                return i;
        }
        throw new InvalidOperationException($"The table {Name} has no column {column}.");
    }

    public static ArchiveTable Describe(IModel model, string table)
    {
        var entity = model.GetEntityTypes().SingleOrDefault(e => e.GetTableName() == table && e.GetSchema() is null)
            ?? throw new InvalidOperationException($"The register has no table {table}.");
        var store = StoreObjectIdentifier.Table(table, null);
        var columns = entity.GetProperties()
            .Select(p =>
            {
                var mapping = p.GetRelationalTypeMapping();
                var converter = p.GetTypeMapping().Converter;
                var type = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? p.ClrType) ?? converter?.ProviderClrType ?? p.ClrType;
                return new ArchiveColumn(p.GetColumnName(store)!, type, mapping, converter);
            })
            .ToList();
        var key = entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(store)!).ToList();
        var foreignKeys = entity.GetForeignKeys().ToList();
        var dependsOn = foreignKeys.Select(fk => fk.PrincipalEntityType.GetTableName()!).Where(t => t != table).Distinct().Order(StringComparer.Ordinal).ToList();
        var selfReferences = foreignKeys.Where(fk => fk.PrincipalEntityType.GetTableName() == table)
            .SelectMany(fk => fk.Properties.Select(p => p.GetColumnName(store)!)).ToList();
        var keyProperty = entity.FindPrimaryKey()!.Properties is [var only] && only.ValueGenerated == ValueGenerated.OnAdd
            && (only.ClrType == typeof(int) || only.ClrType == typeof(long)) ? only.GetColumnName(store) : null;
        return new ArchiveTable(table, columns, key, dependsOn, selfReferences, keyProperty);
    }

    /// <summary>The tables in an order that inserts every referenced row before the rows that refer to it.</summary>
    public static IReadOnlyList<ArchiveTable> InInsertOrder(IEnumerable<ArchiveTable> tables)
    {
        var remaining = tables.ToDictionary(t => t.Name);
        var ordered = new List<ArchiveTable>();
        while (remaining.Count > 0)
        {
            var ready = remaining.Values.Where(t => t.DependsOn.All(d => !remaining.ContainsKey(d))).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            if (ready.Count == 0)
                throw new InvalidOperationException($"The tables {string.Join(", ", remaining.Keys)} refer to each other in a circle.");
            foreach (var table in ready)
            {
                ordered.Add(table);
                remaining.Remove(table.Name);
            }
        }
        return ordered;
    }

    public string SelectSql() =>
        $"SELECT {string.Join(", ", Columns.Select(c => Quote(c.Name)))} FROM {Quote(Name)} ORDER BY {string.Join(", ", Key.Select(Quote))}";

    public static string Quote(string name) => $"\"{name}\"";
}

/// <summary>
/// Values as the archive writes them, the same whichever database they came from: whole numbers, true/false, text,
/// dates <c>yyyy-MM-dd</c>, times of day <c>HH:mm:ss.ffffff</c>, instants in UTC to the microsecond
/// (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>), the finest both SQLite and PostgreSQL keep.
/// </summary>
internal static class ArchiveValues
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH:mm:ss.ffffff";
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static object? Read(DbDataReader reader, int ordinal, Type type)
    {
        if (reader.IsDBNull(ordinal))
            return null;
        if (type == typeof(int))
            return reader.GetInt32(ordinal);
        if (type == typeof(long))
            return reader.GetInt64(ordinal);
        if (type == typeof(bool))
            return reader.GetBoolean(ordinal);
        if (type == typeof(string))
            return reader.GetString(ordinal);
        if (type == typeof(DateOnly))
            return reader.GetFieldValue<DateOnly>(ordinal);
        if (type == typeof(TimeOnly))
        {
            var time = reader.GetFieldValue<TimeOnly>(ordinal);
            return new TimeOnly(time.Ticks - time.Ticks % 10);
        }
        if (type == typeof(DateTime))
        {
            var at = reader.GetDateTime(ordinal);
            var utc = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at;
            return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
        }
        throw new InvalidOperationException($"The archive cannot carry values of type {type.Name} yet.");
    }

    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case bool b: json.WriteBooleanValue(b); break;
            case string s: json.WriteStringValue(s); break;
            case DateOnly d: json.WriteStringValue(d.ToString(DateFormat, CultureInfo.InvariantCulture)); break;
            case TimeOnly t: json.WriteStringValue(t.ToString(TimeFormat, CultureInfo.InvariantCulture)); break;
            case DateTime at: json.WriteStringValue(at.ToString(InstantFormat, CultureInfo.InvariantCulture)); break;
            default: throw new InvalidOperationException($"The archive cannot carry values of type {value.GetType().Name} yet.");
        }
    }

    /// <summary>The value a JSON element holds for a column of <paramref name="type"/>; FormatException when it holds something else.</summary>
    public static object? Parse(JsonElement element, Type type)
    {
        if (element.ValueKind == JsonValueKind.Null)
            return null;
        try
        {
            if (type == typeof(int))
                return element.GetInt32();
            if (type == typeof(long))
                return element.GetInt64();
            if (type == typeof(bool))
                return element.GetBoolean();
            if (type == typeof(string))
                return element.GetString();
            var text = element.GetString()!;
            if (type == typeof(DateOnly))
                return DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);
            if (type == typeof(TimeOnly))
                return TimeOnly.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture);
            if (type == typeof(DateTime))
                return DateTime.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
        throw new FormatException($"values of type {type.Name} are not known");
    }
}
