using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using HoldingToAccount.Tests.TestData;
using Microsoft.Data.Sqlite;

namespace HoldingToAccount.Tests.Backup;

/// <summary>The built executable's verbs against a SQLite file, as an administrator runs them; and what a database holds, read with plain SQL.</summary>
internal static class BackupVerbs
{
    public static IReadOnlyDictionary<string, string?> SqliteAt(string path) => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = $"Data Source={path}",
        ["Database:Provider"] = "Sqlite",
    };

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HoldingToAccount.Dashboard.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.SetConfiguration(configuration);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The web app on the database, serving on loopback until killed.</summary>
    public static async Task<Process> StartAppAsync(IReadOnlyDictionary<string, string?> configuration, string scratchFolder)
    {
        var url = $"http://127.0.0.1:{Loopback.FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HoldingToAccount.Dashboard.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.SetConfiguration(configuration);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DataProtection__KeysDirectory"] = Path.Combine(scratchFolder, "keys");
        start.Environment["Email__PickupDirectory"] = Path.Combine(scratchFolder, "mail");
        var app = Process.Start(start)!;
        app.OutputDataReceived += (_, _) => { };
        app.ErrorDataReceived += (_, _) => { };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !app.HasExited)
        {
            try
            {
                using var health = await http.GetAsync(new Uri($"{url}/healthz"));
                return app;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }
        Assert.Fail($"The web app did not answer on {url} (exited: {app.HasExited}).");
        return app;
    }

    public static SqliteConnection Open(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWrite)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    public static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var rows = command.ExecuteReader();
        var values = new List<string>();
        while (rows.Read())
            values.Add(Convert.ToString(rows.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return values;
    }

    /// <summary>A SHA-256 of every row of every table (rows sorted, as some tables have no rowid), per table.</summary>
    public static Dictionary<string, string> RowChecksums(string path)
    {
        using var connection = Open(path);
        var checksums = new Dictionary<string, string>();
        foreach (var table in Column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var rows = command.ExecuteReader();
            var lines = new List<string>();
            while (rows.Read())
                lines.Add(string.Join('\u001f', Enumerable.Range(0, rows.FieldCount).Select(i => rows.IsDBNull(i) ? "\u2205"
                    : rows.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes)
                    : Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            lines.Sort(StringComparer.Ordinal);
            checksums[table] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
        }
        return checksums;
    }

    /// <summary>Every file in a folder with a hash of its bytes: what "nothing changed" means on disk.</summary>
    public static Dictionary<string, string> FolderState(string folder) =>
        Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
