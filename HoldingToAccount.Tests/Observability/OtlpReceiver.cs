using System.Collections.Concurrent;
using System.Net;
using System.Text;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Observability;

/// <summary>
/// The smallest OTLP/HTTP endpoint that will do: it accepts POST /v1/traces and /v1/metrics (protobuf) and keeps the
/// bodies. No OpenTelemetry collector is installed on the test machines, so this stands in for one; the bodies are not
/// decoded, only searched for the names a collector would show (protobuf keeps strings as plain UTF-8).
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, string ContentType, byte[] Body)> _received = new();

    public OtlpReceiver()
    {
        Endpoint = new Uri($"http://127.0.0.1:{Loopback.FreePort()}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _ = ServeAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>True once a POST to <paramref name="path"/> has carried every one of <paramref name="names"/>.</summary>
    public bool Received(string path, params string[] names) =>
        _received.Any(r => r.Path == path && r.ContentType == "application/x-protobuf" && names.All(name => Contains(r.Body, name)));

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var path = context.Request.Url?.AbsolutePath ?? "";
            var accepted = context.Request.HttpMethod == "POST" && path is "/v1/traces" or "/v1/metrics";
            if (accepted)
                _received.Enqueue((path, context.Request.ContentType ?? "", body.ToArray()));
            context.Response.StatusCode = accepted ? 200 : 404;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
