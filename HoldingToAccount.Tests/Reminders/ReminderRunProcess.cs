using System.Diagnostics;
using HoldingToAccount.Tests.Mail;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Reminders;

/// <summary>The built Dashboard executable's <c>reminders run</c>, as an office's scheduler would start it, sending to a real SMTP server.</summary>
internal static class ReminderRunProcess
{
    public static Process Start(TestDatabase database, SmtpSink smtp, string asOf, params (string Key, string Value)[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "HoldingToAccount.Dashboard.dll"), "reminders", "run", "--as-of", asOf])
            start.ArgumentList.Add(arg);
        start.SetConfiguration(database.Configuration);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Email__Smtp__Host"] = "127.0.0.1";
        start.Environment["Email__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Email__Smtp__Security"] = "None";
        start.Environment["Email__Smtp__From"] = "OPCC reminders <reminders@example.org>";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
    }
}
