using System.Net.Sockets;
using HoldingToAccount.Core.Reminders;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Dashboard.Health;

/// <summary>
/// Can reminders go out? With an SMTP host: connect and greet it (EHLO, and STARTTLS or TLS as configured) within a
/// few seconds, then QUIT; nothing is sent and no credentials are tried. Without one: the pickup folder can be written.
/// A failure is Degraded, not Unhealthy: the app still works and the send jobs retry, but someone should look.
/// </summary>
public sealed class MailHealthCheck(IOptions<EmailOptions> options) : IHealthCheck
{
    /// <summary>The longest a health probe waits for the mail server.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        options.Value.UsesSmtp ? SmtpAsync(options.Value.Smtp, cancellationToken) : Task.FromResult(Pickup(options.Value.PickupPath));

    private static async Task<HealthCheckResult> SmtpAsync(SmtpOptions smtp, CancellationToken ct)
    {
        var timeout = TimeSpan.FromSeconds(Math.Min(smtp.TimeoutSeconds, Timeout.TotalSeconds));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        var data = new Dictionary<string, object> { ["transport"] = "smtp", ["server"] = smtp.Describe };
        try
        {
            // MailKit says EHLO (and negotiates TLS) as part of connecting.
            await client.ConnectAsync(smtp.Host!, smtp.EffectivePort, Secure(smtp.Security), cts.Token);
            await client.DisconnectAsync(quit: true, cts.Token);
            return HealthCheckResult.Healthy($"The mail server {smtp.Describe} answered.", data);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"The mail server {smtp.Describe} did not answer within {timeout.TotalSeconds:0} s.", data: data);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException
            or SslHandshakeException or ServiceNotConnectedException or TimeoutException or AuthenticationException)
        {
            return HealthCheckResult.Degraded($"The mail server {smtp.Describe} cannot be reached: {ex.Message}", ex, data);
        }
    }

    private static HealthCheckResult Pickup(string folder)
    {
        var data = new Dictionary<string, object> { ["transport"] = "pickup", ["folder"] = folder };
        var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return HealthCheckResult.Healthy($"Mail is written to the pickup folder {folder}.", data);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Degraded($"The pickup folder {folder} cannot be written: {ex.Message}", ex, data);
        }
    }

    private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
