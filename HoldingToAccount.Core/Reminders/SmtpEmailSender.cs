using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HoldingToAccount.Core.Reminders;

/// <summary>
/// SMTP through MailKit. One connection is kept open and reused for every message that follows (a sweep's batch of
/// send jobs, or the command line's run), checked with NOOP after a pause, and dropped after any error so the next
/// message starts clean. 5xx replies are permanent refusals; everything else that goes wrong is transient.
/// </summary>
public sealed partial class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider clock, ILogger<SmtpEmailSender> logger)
    : IEmailSender, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;
    private DateTimeOffset _lastUsed;

    private SmtpOptions Smtp => options.Value.Smtp;

    public string Transport => $"smtp {Smtp.Describe}";

    /// <summary>How many connections this sender has opened (for tests and benchmarks of connection reuse).</summary>
    public int ConnectionsOpened { get; private set; }

    public async Task<EmailSendResult> SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _gate.WaitAsync(ct);
        try
        {
            var client = await ConnectedAsync(ct);
            try
            {
                var reply = await client.SendAsync(message, ct);
                _lastUsed = clock.GetUtcNow();
                return EmailSendResult.Sent(reply);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
            {
                await DropAsync();
                return EmailSendResult.Rejected($"{(int)ex.StatusCode} {ex.Message}".Trim());
            }
            catch (SmtpCommandException ex)
            {
                await DropAsync();
                throw new TransientEmailException($"The mail server deferred the message: {(int)ex.StatusCode} {ex.Message}", ex);
            }
            catch (Exception ex) when (IsTransient(ex, ct))
            {
                await DropAsync();
                throw new TransientEmailException($"Sending through {Smtp.Describe} failed: {ex.Message}", ex);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true } open)
        {
            if (clock.GetUtcNow() - _lastUsed < TimeSpan.FromSeconds(Smtp.IdleCheckSeconds))
                return open;
            try
            {
                await open.NoOpAsync(ct);
                return open;
            }
            catch (Exception ex) when (IsTransient(ex, ct) || ex is SmtpCommandException)
            {
                LogStaleConnection(logger, Smtp.Describe, ex.Message);
                await DropAsync();
            }
        }

        var client = new SmtpClient { Timeout = Smtp.TimeoutSeconds * 1000 };
        try
        {
            // Our own socket with Nagle off: a message's last small writes (end of DATA) otherwise wait for the
            // server's delayed ACK, about 40 ms per message on a reused connection.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                connectTimeout.CancelAfter(TimeSpan.FromSeconds(Smtp.TimeoutSeconds));
                await socket.ConnectAsync(Smtp.Host ?? "", Smtp.EffectivePort, connectTimeout.Token);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            await client.ConnectAsync(socket, Smtp.Host ?? "", Smtp.EffectivePort, Secure(Smtp.Security), ct);
            if (!string.IsNullOrEmpty(Smtp.User))
                await client.AuthenticateAsync(Smtp.User, Smtp.Password ?? "", ct);
        }
        catch (Exception ex) when (IsTransient(ex, ct) || ex is AuthenticationException or SmtpCommandException)
        {
            client.Dispose();
            throw new TransientEmailException($"Could not connect to the mail server {Smtp.Describe}: {ex.Message}", ex);
        }
        _client = client;
        _lastUsed = clock.GetUtcNow();
        ConnectionsOpened++;
        LogConnected(logger, Smtp.Describe);
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is not { } client)
            return;
        _client = null;
        try
        {
            if (client.IsConnected)
                await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception ex) when (IsTransient(ex, CancellationToken.None) || ex is SmtpCommandException)
        {
            // The connection is being thrown away; a failed QUIT changes nothing.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static bool IsTransient(Exception ex, CancellationToken ct) => ex switch
    {
        OperationCanceledException => !ct.IsCancellationRequested, // MailKit's own timeout
        TimeoutException or IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
            or SslHandshakeException => true,
        _ => false,
    };

    private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    public void Dispose()
    {
        if (_client is { } client)
        {
            try
            {
                if (client.IsConnected)
                    client.Disconnect(quit: true);
            }
            catch (Exception ex) when (IsTransient(ex, CancellationToken.None) || ex is SmtpCommandException)
            {
                // Closing down; nothing to do about a failed QUIT.
            }
            client.Dispose();
        }
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connected to the mail server {Server}")]
    private static partial void LogConnected(ILogger logger, string server);

    [LoggerMessage(Level = LogLevel.Information, Message = "The connection to {Server} went stale ({Error}); reconnecting")]
    private static partial void LogStaleConnection(ILogger logger, string server, string error);
}
