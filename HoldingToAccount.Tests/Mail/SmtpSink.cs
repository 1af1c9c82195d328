using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Mail;

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd writing a Maildir, on a free port, stopped (by its own
/// process id) at the end. <see cref="StartFlakyAsync"/> uses flaky_smtp.py, the same server with a handler that
/// answers 451 to the first N messages and 550 to chosen recipients.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;

    private SmtpSink(Process process, int port, string root)
    {
        _process = process;
        Port = port;
        Root = root;
    }

    public int Port { get; }
    public string Root { get; }
    public string Maildir => Path.Combine(Root, "Maildir");

    public static Task<SmtpSink> StartAsync() => StartAsync("aiosmtpd.handlers.Mailbox", []);

    public static Task<SmtpSink> StartFlakyAsync(int deferFirst = 0, params string[] reject) =>
        StartAsync("flaky_smtp.FlakyMailbox", [deferFirst.ToString(System.Globalization.CultureInfo.InvariantCulture), reject.Length == 0 ? "-" : string.Join(',', reject)]);

    /// <summary>flaky_smtp.SlowMailbox: waits <paramref name="delayMs"/> before accepting each message, and holds message number
    /// <paramref name="holdAt"/> for <paramref name="holdMs"/>, writing <see cref="HoldingMarker"/> while it does.</summary>
    public static Task<SmtpSink> StartSlowAsync(int delayMs, int holdAt = 0, int holdMs = 0) =>
        StartAsync("flaky_smtp.SlowMailbox", [.. new[] { delayMs, holdAt, holdMs }.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>Written by the slow server while it holds a message (see <see cref="StartSlowAsync"/>).</summary>
    public string HoldingMarker => Path.Combine(Root, "holding");

    /// <summary>Written by the slow server when the client went away while it held a message, which it then drops.</summary>
    public string ReleasedMarker => Path.Combine(Root, "released");

    private static async Task<SmtpSink> StartAsync(string handler, string[] extra)
    {
        if (!File.Exists(Python))
            throw new InvalidOperationException("Mail tests need Debian's /usr/bin/python3 with python3-aiosmtpd (apt-get install python3-aiosmtpd).");
        var root = Path.Combine(Path.GetTempPath(), $"hta-smtp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var port = Loopback.FreePort();
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", handler, Path.Combine(root, "Maildir"), .. extra])
            start.ArgumentList.Add(arg);
        start.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Mail");
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        process.BeginOutputReadLine();
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();

        var sink = new SmtpSink(process, port, root);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode}: {errors}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return sink;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>The messages delivered so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        if (!Directory.Exists(folder))
            return [];
        return Directory.GetFiles(folder)
            .Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f)))
            .OrderBy(f => f.Time).ThenBy(f => f.File, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.File))
            .ToList();
    }

    /// <summary>Waits up to 10 s for at least <paramref name="count"/> messages, then returns all of them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Messages().Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        return Messages();
    }


    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the stopped server; the temp folder is cleaned up by the system later.
        }
    }
}
