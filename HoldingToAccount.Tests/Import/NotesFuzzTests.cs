using System.Text;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Import;

namespace HoldingToAccount.Tests.Import;

/// <summary>
/// Bounded fuzzing with a fixed seed: random bytes and mutated seed notes. Each input must parse or be refused with a
/// DomainException — never another exception — and finish within a time limit.
/// </summary>
public class NotesFuzzTests
{
    private const int Iterations = 300;
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(10);

    private static readonly string[] Fragments =
    [
        "Actions arising:", "Action: ", "Action – ", "CC", "PCC/CC", "\t", "\n", "<p>", "</p>", "<b>", "<ul><li>", "<script>x</script>",
        "4a ", "1) ", "2. ", "DATE OF NEXT MEETING", "10:30 on 28 February 2017", "C/Fwd", "Complete", "There were none.",
        "This item was deferred until the next meeting", "Apologies: ", "Attendance: ", "(T/DCC)", "СС", "ＤＣＣ", "2017/04 – ",
        "12/04/2017 – done. C/Fwd", "<!--", "<div>", "&amp;", "&#x0;", "\u200B", "\uFFFD", "31st February 2017", "@ 99:99",
    ];

    [Fact]
    public async Task Random_and_mutated_inputs_never_throw_anything_but_DomainException_and_never_hang()
    {
        var random = new Random(20170131);
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "Notes"), "*.*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToArray();
        string[] extensions = [".txt", ".html", ".htm", ".docx"];

        for (var i = 0; i < Iterations; i++)
        {
            var content = i % 3 == 0 ? RandomBytes(random) : Mutate(random, seeds[random.Next(seeds.Length)]);
            var name = "fuzz" + extensions[random.Next(extensions.Length)];
            var run = Task.Run(() =>
            {
                try
                {
                    var draft = NotesParser.Parse(NotesReader.Read(name, content));
                    _ = ImportDraftJson.Serialize(draft);
                }
                catch (DomainException)
                {
                    // refused with a message: fine
                }
            });
            var finished = await Task.WhenAny(run, Task.Delay(PerInputLimit));
            Assert.True(finished == run, $"Iteration {i} ({name}, {content.Length} bytes) did not finish within {PerInputLimit.TotalSeconds} s.");
            await run; // rethrows anything that is not a DomainException, failing the test with it
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 2048)];
        random.NextBytes(bytes);
        if (random.Next(2) == 0)
        {
            // mostly printable text
            for (var j = 0; j < bytes.Length; j++)
                bytes[j] = (byte)(32 + (bytes[j] % 95));
        }
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var text = new StringBuilder(Encoding.UTF8.GetString(seed));
        var mutations = random.Next(1, 25);
        for (var m = 0; m < mutations && text.Length > 0; m++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1:
                    text.Remove(at, Math.Min(random.Next(1, 200), text.Length - at));
                    break;
                case 2:
                    var length = Math.Min(random.Next(1, 400), text.Length - at);
                    text.Insert(random.Next(text.Length), text.ToString(at, length));
                    break;
                case 3:
                    text[at] = (char)random.Next(0, 0x3000);
                    break;
                default:
                    text.Insert(at, new string(Fragments[random.Next(Fragments.Length)][0], random.Next(1, 500)));
                    break;
            }
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return random.Next(10) == 0 ? bytes[..random.Next(bytes.Length + 1)] : bytes;
    }
}
