using System.Diagnostics;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Export;

/// <summary>Runs only where LibreOffice is installed (Debian: libreoffice-writer-nogui, with poppler-utils for pdftoppm).</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (Tool.Find("libreoffice") is null)
            Skip = "LibreOffice is not installed: apt-get install libreoffice-writer-nogui poppler-utils";
        else if (Tool.Find("pdftoppm") is null || Tool.Find("pdftotext") is null)
            Skip = "pdftoppm or pdftotext is not installed: apt-get install poppler-utils";
    }
}

/// <summary>Runs only where Debian's python3-openpyxl is installed (the test script installs it).</summary>
public sealed class OpenpyxlFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    public OpenpyxlFactAttribute()
    {
        if (!File.Exists(Python) || !Directory.Exists("/usr/lib/python3/dist-packages/openpyxl"))
            Skip = "openpyxl is not installed: apt-get install python3-openpyxl";
    }
}

internal static class Tool
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    public static async Task RunAsync(string file, string workingDirectory, params string[] arguments) =>
        await OutputAsync(file, workingDirectory, arguments);

    /// <summary>Runs a program to the end and gives what it printed; fails the test if it fails.</summary>
    public static async Task<string> OutputAsync(string file, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} took longer than three minutes");
        }
        Assert.True(process.ExitCode == 0, $"{file} exited {process.ExitCode}: {await output} {await error}");
        return await output;
    }
}

/// <summary>
/// Word is not here, so LibreOffice stands in for "a person opens the file": the notes must convert to PDF, and the
/// first page is kept as a PNG under artifacts/ in the test output for a person to look at.
/// </summary>
[Needs(Need.Database)]
public sealed class LibreOfficeRenderTests : IAsyncLifetime
{
    private ExportRegister _register = null!;

    public async Task InitializeAsync() => _register = await ExportRegister.CreateAsync();

    public async Task DisposeAsync() => await _register.DisposeAsync();

    [LibreOfficeFact]
    public async Task The_January_2017_notes_and_the_February_actions_pack_render_in_LibreOffice()
    {
        var artifacts = ExportArtifacts.Directory;
        var work = Directory.CreateTempSubdirectory("hta-lo-").FullName;
        try
        {
            var notes = Path.Combine(artifacts, "notes-2017-01-31.docx");
            await using (var file = File.Create(notes))
                NotesDocument.WriteDocx(await _register.NotesAsync(ExportRegister.Jan2017), file);
            var pack = Path.Combine(artifacts, "actions-pack-2017-02-28.docx");
            await using (var file = File.Create(pack))
                NotesDocument.WriteActionsPack(await _register.NotesAsync(ExportRegister.Feb2017), file);

            foreach (var docx in new[] { notes, pack })
            {
                var name = Path.GetFileNameWithoutExtension(docx);
                // A profile of its own, so a LibreOffice already running for someone else is not reused.
                await Tool.RunAsync(Tool.Find("libreoffice")!, work, $"-env:UserInstallation=file://{work}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", artifacts, docx);
                var pdf = Path.Combine(artifacts, name + ".pdf");
                Assert.True(new FileInfo(pdf).Length > 1000, $"{pdf} is missing or empty");
                await Tool.RunAsync(Tool.Find("pdftoppm")!, work, "-png", "-r", "60", "-f", "1", "-l", "1", pdf, Path.Combine(artifacts, name));
                var png = Directory.GetFiles(artifacts, name + "-*.png").Single();
                var bytes = await File.ReadAllBytesAsync(png);
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
                Assert.True(bytes.Length > 5000, "the page image is blank");
            }

            // Each column header of the pack stays whole on the page: none is broken inside a word ("Owne/r").
            var text = Path.Combine(work, "pack.txt");
            await Tool.RunAsync(Tool.Find("pdftotext")!, work, "-layout", "-f", "1", "-l", "1", Path.ChangeExtension(pack, ".pdf"), text);
            var header = (await File.ReadAllLinesAsync(text)).First(l => l.Contains("Ref", StringComparison.Ordinal) && l.Contains("Action", StringComparison.Ordinal));
            foreach (var column in new[] { "Ref", "Action", "Raised at", "Due", "Owner", "Status", "Latest update" })
                Assert.Contains(column, header, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
