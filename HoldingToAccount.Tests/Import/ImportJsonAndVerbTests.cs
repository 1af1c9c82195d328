using System.Text.Json;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Tests.TestData;
using static HoldingToAccount.Tests.Import.NotesTestFiles;

namespace HoldingToAccount.Tests.Import;

/// <summary>The JSON shape the CLI promises, and the verb's exit codes. Console output is captured, so these run alone.</summary>
[Collection(nameof(ConsoleCapture))]
public class ImportJsonAndVerbTests
{
    [Fact]
    public void Json_has_the_promised_shape()
    {
        using var json = JsonDocument.Parse(ImportDraftJson.Serialize(ParseSeed("000_99665aecc8bf7cf6.txt")));
        var root = json.RootElement;

        Assert.Equal("2017-01-31", root.GetProperty("date").GetString());
        Assert.Equal("10:30", root.GetProperty("startTime").GetString());
        foreach (var name in new[] { "title", "venue", "chair", "minuteTaker", "attendees", "apologies", "items", "actions", "nextMeeting", "warnings" })
            Assert.True(root.TryGetProperty(name, out _), name);
        var attendee = root.GetProperty("attendees")[0];
        Assert.Equal("John Campion", attendee.GetProperty("name").GetString());
        Assert.Equal("Police and Crime Commissioner", attendee.GetProperty("capacity").GetString());
        Assert.Equal("PCC", attendee.GetProperty("role").GetString());
        var item = root.GetProperty("items")[0];
        Assert.Equal("1", item.GetProperty("number").GetString());
        var action = root.GetProperty("actions")[0];
        Assert.Equal("CC", action.GetProperty("owners")[0].GetString());
        Assert.Equal("1", action.GetProperty("itemNumber").GetString());
        Assert.True(action.GetProperty("broughtForward").GetBoolean());
        Assert.Equal("open", action.GetProperty("status").GetString());
        var due = action.GetProperty("due");
        Assert.Equal("to the holding to account meeting in July 2017", due.GetProperty("phrase").GetString());
        Assert.Equal(JsonValueKind.Null, due.GetProperty("date").ValueKind);
        Assert.Equal("2017-07", due.GetProperty("meeting").GetString());
        var next = root.GetProperty("nextMeeting");
        Assert.Equal("2017-02-28", next.GetProperty("date").GetString());
        Assert.Equal("10:30", next.GetProperty("startTime").GetString());
        Assert.Equal(JsonValueKind.Null, next.GetProperty("title").ValueKind);
    }

    [Fact]
    public void Json_for_notes_without_a_date_writes_null()
    {
        using var json = JsonDocument.Parse(ImportDraftJson.Serialize(ParseSeed("001_09e0fd574892be37.txt")));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("date").ValueKind);
        Assert.NotEqual(0, json.RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Dry_run_prints_one_json_document_on_stdout()
    {
        var (code, output, error) = await RunAsync("import", PathOf("seeds", "003_2a4d8154e2dc64d4.txt"), "--dry-run", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2016-07-26", json.RootElement.GetProperty("nextMeeting").GetProperty("date").GetString());
        Assert.Contains("nothing was saved", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_input_exits_1_with_the_reason_on_stderr()
    {
        var path = Path.Combine(Path.GetTempPath(), $"notes-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(path, "1. ITEM");
        try
        {
            var (code, output, error) = await RunAsync("import", path, "--dry-run", "--json");
            Assert.Equal(1, code);
            Assert.Empty(output);
            Assert.Contains("only .txt, .html, .htm, .docx", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("--dry-run")]
    [InlineData("a.txt b.txt --dry-run")]
    [InlineData("a.txt --dry-run --commit-everything")]
    public async Task Bad_usage_exits_2(string args)
    {
        var (code, output, error) = await RunAsync(["import", .. args.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("Usage: import FILE --dry-run [--json]", error, StringComparison.Ordinal);
    }

    private static Task<CommandLineRun> RunAsync(params string[] args) => CommandLineRun.RunAsync(CommandLineRun.NoServices, args);
}
