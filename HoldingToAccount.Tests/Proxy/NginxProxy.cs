using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Proxy;

/// <summary>
/// Debian's nginx (/usr/sbin/nginx) in front of app instances, as an office deploys it: an <c>ip_hash</c> upstream
/// (Blazor circuits are sticky), WebSocket upgrade headers, X-Forwarded-For/Proto, plain HTTP on one port and TLS (a
/// self-signed certificate made here) on another. Everything it writes lives in a temp folder of its own, so it runs
/// without root; it connects to the instances from 127.0.0.2 so the app tells the proxy from its clients.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string ProxyAddress = "127.0.0.2";
    public const string Executable = "/usr/sbin/nginx";

    private readonly string _root = Directory.CreateTempSubdirectory("hta-nginx-").FullName;
    private readonly Process _process;

    private NginxProxy(IReadOnlyList<int> upstreams)
    {
        HttpPort = Loopback.FreePort();
        HttpsPort = Loopback.FreePort();
        WriteCertificate();
        File.WriteAllText(Path.Combine(_root, "nginx.conf"), Configuration(upstreams));
        _process = Process.Start(new ProcessStartInfo(Executable, ["-p", _root + "/", "-c", Path.Combine(_root, "nginx.conf"), "-e", Path.Combine(_root, "error.log")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start");
    }

    /// <summary>The SHA-1 hash of the proxy's self-signed certificate: the one certificate a client of this proxy accepts.</summary>
    public string CertificateHash { get; private set; } = "";

    public int HttpPort { get; }
    public int HttpsPort { get; }
    public Uri Http => new($"http://127.0.0.1:{HttpPort}");
    public Uri Https => new($"https://127.0.0.1:{HttpsPort}");

    /// <summary>What nginx wrote to its error log: the first place to look when a test through it fails.</summary>
    public string ErrorLog => File.Exists(Path.Combine(_root, "error.log")) ? File.ReadAllText(Path.Combine(_root, "error.log")) : "";

    public static async Task<NginxProxy> StartAsync(params int[] upstreams)
    {
        var proxy = new NginxProxy(upstreams);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await AcceptsAsync(proxy.HttpPort) || !await AcceptsAsync(proxy.HttpsPort))
        {
            if (proxy._process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = proxy.ErrorLog + await proxy._process.StandardError.ReadToEndAsync();
                await proxy.DisposeAsync();
                throw new InvalidOperationException("nginx did not start listening: " + log);
            }
            await Task.Delay(50);
        }
        return proxy;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string Configuration(IReadOnlyList<int> upstreams) => $$"""
        daemon off;
        master_process off;
        worker_processes 1;
        pid {{_root}}/nginx.pid;
        error_log {{_root}}/error.log info;
        events { worker_connections 256; }
        http {
            access_log {{_root}}/access.log;
            client_body_temp_path {{_root}}/client_body;
            proxy_temp_path {{_root}}/proxy;
            fastcgi_temp_path {{_root}}/fastcgi;
            uwsgi_temp_path {{_root}}/uwsgi;
            scgi_temp_path {{_root}}/scgi;

            map $http_upgrade $connection_upgrade {
                default upgrade;
                ''      close;
            }

            upstream dashboard {
                ip_hash;
        {{string.Join("\n", upstreams.Select(port => $"        server 127.0.0.1:{port} max_fails=1 fail_timeout=60s;"))}}
            }

            server {
                listen 127.0.0.1:{{HttpPort}};
                listen 127.0.0.1:{{HttpsPort}} ssl;
                ssl_certificate {{_root}}/proxy.crt;
                ssl_certificate_key {{_root}}/proxy.key;

                location / {
                    proxy_pass http://dashboard;
                    proxy_bind {{ProxyAddress}};
                    proxy_http_version 1.1;
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_read_timeout 1h;
                    proxy_next_upstream error timeout;
                    add_header X-Upstream $upstream_addr always;
                }
            }
        }
        """;

    private void WriteCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        CertificateHash = certificate.GetCertHashString();
        File.WriteAllText(Path.Combine(_root, "proxy.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_root, "proxy.key"), key.ExportPkcs8PrivateKeyPem());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
