using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HoldingToAccount.Core.Archive;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Archive;

/// <summary>Reading and altering archive files and registers with plain tools, as someone checking (or tampering with) them would.</summary>
internal static class ArchiveFiles
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    public static ArchiveManifest Manifest(string archive)
    {
        using var zip = ZipFile.OpenRead(archive);
        using var stream = zip.GetEntry(HandoverArchive.ManifestFile)!.Open();
        return JsonSerializer.Deserialize<ArchiveManifest>(stream, WebJson)!;
    }

    public static string Text(string archive, string name)
    {
        using var zip = ZipFile.OpenRead(archive);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<string> Names(string archive)
    {
        using var zip = ZipFile.OpenRead(archive);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>Each row of a table file, as its JSON text.</summary>
    public static List<string> TableRows(string archive, string table)
    {
        using var json = JsonDocument.Parse(Text(archive, $"tables/{table}.json"));
        return json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()).ToList();
    }

    /// <summary>A copy of <paramref name="archive"/> with one file's text changed, and (when <paramref name="fixChecksum"/>) the
    /// manifest's checksum for it made to match, as a tamperer who knows the format would.</summary>
    public static string Altered(string archive, string name, Func<string, string> change, bool fixChecksum)
    {
        var copy = Path.Combine(Path.GetDirectoryName(archive)!, $"altered-{Guid.NewGuid():N}.zip");
        File.Copy(archive, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        var text = change(ReadAndDelete(zip, name));
        Write(zip, name, text);
        if (fixChecksum)
        {
            var manifest = JsonNode.Parse(ReadAndDelete(zip, HandoverArchive.ManifestFile))!;
            foreach (var table in manifest["tables"]!.AsArray())
            {
                if ((string?)table!["file"] == name)
                    table["sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            }
            Write(zip, HandoverArchive.ManifestFile, manifest.ToJsonString());
        }
        return copy;
    }

    private static string ReadAndDelete(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name)!;
        string text;
        using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            text = reader.ReadToEnd();
        entry.Delete();
        return text;
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    /// <summary>Every row of a table read with plain SQL, each as one line of text, in key order.</summary>
    public static async Task<List<string>> RowsAsync(TestDatabase database, string table)
    {
        await using var db = await database.CreateContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            rows.Add(string.Join(" | ", values));
        }
        return rows;
    }

    public static async Task<long> CountAsync(TestDatabase database, string table)
    {
        await using var db = await database.CreateContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
