using System.Text;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Tests.Reminders;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Core;

/// <summary>NUL, ESC and the bidi overrides are taken out of text as it is stored, so no export or e-mail carries them.</summary>
[Needs(Need.Database, Need.Smtp)]
public sealed class ControlCharacterTests
{
    private static readonly string[] _unwanted = ["\0", "\u001b", "\u0007", "\u007f", "\u0085", "\u202a", "\u202e", "\u2066", "\u2069"];

    [Fact]
    public void Controls_and_bidi_overrides_go_and_tabs_and_line_breaks_stay()
    {
        Assert.Equal("Figures\tattached\r\nfor Q3", ControlCharacters.Strip("Fig\0ures\tattached\r\n\u001bfor\u202e Q3\u2069"));
        Assert.Equal("abc", ControlCharacters.Strip("\u0001a\u007fb\u0085c\u2066"));
        var plain = "Nothing to take out – £5, naïve, ½";
        Assert.Same(plain, ControlCharacters.Strip(plain));
    }

    [Fact]
    public async Task Hostile_text_in_an_action_and_its_update_reaches_neither_the_csv_nor_the_reminder()
    {
        await using var h = await ReminderHarness.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var (jan, _) = await h.JanuaryAndFebruaryAsync();
        var actions = h.Get<ActionService>();
        var action = await h.Register.ActionAsync(jan, "Burglary\0 in \u001b[2JNorth\u202e Worcestershire\u2066", "to be brought back to the February meeting");
        await actions.AddUpdateAsync(action.Reference, null, "Figures\u0007 attached\u202a\r\nSee the appendix\0", null, RegisterBuilder.Secretariat);

        await using (var db = await h.Database.CreateContextAsync())
        {
            var stored = await db.Actions.Include(a => a.Updates).SingleAsync(a => a.Id == action.Id);
            Assert.Equal("Burglary in [2JNorth Worcestershire", stored.Text);
            Assert.Equal("Figures attached\r\nSee the appendix", Assert.Single(stored.Updates).Text);
        }

        using var csv = new MemoryStream();
        await ActivatorUtilities.GetServiceOrCreateInstance<ActionLogExport>(h.Services).WriteCsvAsync(new ActionFilter(), csv);
        var exported = Encoding.UTF8.GetString(csv.ToArray());
        Assert.Contains("Burglary in [2JNorth Worcestershire", exported, StringComparison.Ordinal);
        Assert.Contains("See the appendix", exported, StringComparison.Ordinal);
        AssertClean(exported, "the CSV");

        h.At(2017, 2, 18, 8, 0);
        Assert.Equal(1, (await h.SweepAsync()).Created);
        var message = Assert.Single(await h.Smtp.WaitForAsync(1));
        Assert.Contains("Burglary in [2JNorth Worcestershire", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Figures attached", message.TextBody, StringComparison.Ordinal);
        AssertClean(message.Subject + message.TextBody + message.HtmlBody, "the reminder");
    }

    private static void AssertClean(string text, string where)
    {
        foreach (var unwanted in _unwanted)
            Assert.False(text.Contains(unwanted, StringComparison.Ordinal), $"{where} carries U+{(int)unwanted[0]:X4}");
    }
}
