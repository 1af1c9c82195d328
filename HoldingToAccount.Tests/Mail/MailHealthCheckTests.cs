using System.Net;
using System.Net.Sockets;
using HoldingToAccount.Core.Reminders;
using HoldingToAccount.Dashboard.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Mail;

/// <summary>The /healthz mail check against a real SMTP server (aiosmtpd), a closed port, a server that never greets, and real folders.</summary>
[Needs(Need.Smtp)]
public sealed class MailHealthCheckTests
{
    [Fact]
    public async Task A_listening_SMTP_server_that_answers_EHLO_is_healthy()
    {
        await using var sink = await SmtpSink.StartAsync();

        var result = await CheckAsync(Smtp(sink.Port));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains($"127.0.0.1:{sink.Port}", result.Description);
        Assert.Empty(sink.Messages());
    }

    [Fact]
    public async Task Nothing_listening_is_degraded_with_the_reason()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var result = await CheckAsync(Smtp(port));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("cannot be reached", result.Description);
    }

    [Fact]
    public async Task A_server_that_accepts_but_never_greets_is_degraded_instead_of_hanging()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var options = Smtp(port);
        options.Smtp.TimeoutSeconds = 1;

        // The server never greets, so only the check's own timeout can end it; the wait is a bound against a hang, not a speed test.
        var result = await CheckAsync(options).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Matches($@"^The mail server 127\.0\.0\.1:{port} \(None\) (did not answer within 1 s|cannot be reached)", result.Description);
    }

    [Fact]
    public async Task A_writable_pickup_folder_is_healthy_and_left_empty()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"hta-pickup-{Guid.NewGuid():N}");
        try
        {
            var result = await CheckAsync(new EmailOptions { PickupDirectory = folder });

            Assert.Equal(HealthStatus.Healthy, result.Status);
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_pickup_folder_that_cannot_be_made_is_degraded()
    {
        var file = Path.GetTempFileName(); // a file where the folder should be
        try
        {
            var result = await CheckAsync(new EmailOptions { PickupDirectory = Path.Combine(file, "mail") });

            Assert.Equal(HealthStatus.Degraded, result.Status);
            Assert.Contains("cannot be written", result.Description);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static EmailOptions Smtp(int port) => new()
    {
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, TimeoutSeconds = 5 },
    };

    private static Task<HealthCheckResult> CheckAsync(EmailOptions options) =>
        new MailHealthCheck(Options.Create(options)).CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("mail", _ => null!, HealthStatus.Degraded, null),
        });
}
