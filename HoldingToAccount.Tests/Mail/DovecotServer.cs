using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HoldingToAccount.Tests.TestData;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace HoldingToAccount.Tests.Mail;

/// <summary>
/// A real IMAP server on loopback: Debian's dovecot-imapd with its own configuration, users file and Maildir in a
/// temporary folder, on a free port, in the foreground, stopped by its own process id at the end. One mailbox,
/// <see cref="User"/>; a test delivers a "reply" into it with IMAP APPEND and reads the folders the app moved it to.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string User = "updates@example.org";
    public const string Password = "imap-test-secret";
    private const string Binary = "/usr/sbin/dovecot";
    private readonly Process _process;

    private DovecotServer(Process process, int port, string root)
    {
        _process = process;
        Port = port;
        Root = root;
    }

    public int Port { get; }
    public string Root { get; }

    /// <summary>The settings that point the app's reply reader at this server.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Email:Inbound:ReplyAddress"] = "Action register updates <updates@example.org>",
        ["Email:Inbound:ReplyTokenKey"] = "a-test-key-that-is-long-enough-to-sign-reply-tokens",
        ["Email:Inbound:Imap:Host"] = "127.0.0.1",
        ["Email:Inbound:Imap:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Email:Inbound:Imap:Security"] = "None",
        ["Email:Inbound:Imap:User"] = User,
        ["Email:Inbound:Imap:Password"] = Password,
    };

    public static async Task<DovecotServer> StartAsync()
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException("IMAP tests need Debian's dovecot-imapd (apt-get install dovecot-imapd).");
        var root = Path.Combine(Path.GetTempPath(), $"hta-imap-{Guid.NewGuid():N}");
        var port = Loopback.FreePort();
        foreach (var folder in new[] { "run", "state", "mail" })
            Directory.CreateDirectory(Path.Combine(root, folder));
        File.WriteAllText(Path.Combine(root, "users"), $"{User}:{{PLAIN}}{Password}\n");
        File.WriteAllText(Path.Combine(root, "dovecot.conf"), Config(root, port));
        // Dovecot's login process runs as dovenull and its mail process as dovecot: both must reach the folder.
        await RunAsync("chmod", "755", root);
        await RunAsync("chown", "dovecot:dovecot", Path.Combine(root, "mail"));

        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])["-c", Path.Combine(root, "dovecot.conf"), "-F"])
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dovecot did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new DovecotServer(process, port, root);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"dovecot exited with {process.ExitCode}: {server.Log()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Delivers a message into the inbox, as a mail server would.</summary>
    public async Task DeliverAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>The Message-IDs in a folder ("INBOX", "Processed", "Refused"); empty when the folder does not exist.</summary>
    public async Task<IReadOnlyList<string>> MessageIdsAsync(string folder)
    {
        using var client = await ConnectAsync();
        IMailFolder box;
        try
        {
            box = await client.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }
        await box.OpenAsync(FolderAccess.ReadOnly);
        var uids = await box.SearchAsync(SearchQuery.NotDeleted);
        var ids = new List<string>();
        foreach (var summary in await box.FetchAsync(uids, MessageSummaryItems.Envelope))
            ids.Add(summary.Envelope?.MessageId ?? "");
        await client.DisconnectAsync(true);
        return ids;
    }

    public string Log()
    {
        var path = Path.Combine(Root, "dovecot.log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    private static string Config(string root, int port) => $$"""
        protocols = imap
        listen = 127.0.0.1
        base_dir = {{root}}/run
        state_dir = {{root}}/state
        instance_name = hta-test-{{port}}
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        log_path = {{root}}/dovecot.log
        mail_location = maildir:{{root}}/mail/%u
        default_login_user = dovenull
        default_internal_user = dovecot
        first_valid_uid = 100
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = {{port}}
          }
        }
        passdb {
          driver = passwd-file
          args = scheme=PLAIN username_format=%u {{root}}/users
        }
        userdb {
          driver = static
          args = uid=dovecot gid=dovecot home={{root}}/mail/%u
        }

        """;

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}.");
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temporary folder is left for the system to clear.
        }
    }
}
