using System.Text.Json;
using HoldingToAccount.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HoldingToAccount.Core.Changes;

/// <summary>Passes this instance's change notices to the other app instances.</summary>
public interface IChangeRelay
{
    Task SendAsync(IReadOnlyList<ChangeNotice> notices, CancellationToken ct = default);
}

/// <summary>
/// Change notices between app instances on one PostgreSQL database, by NOTIFY on a channel every instance LISTENs
/// to. Each instance tags what it sends and ignores its own, which its screens already had straight away.
/// </summary>
public sealed class PostgresChangeRelay(DatabaseSettings settings) : IChangeRelay
{
    public const string Channel = "hta_changes";

    /// <summary>NOTIFY payloads must stay under 8,000 bytes; this many notices stay well under.</summary>
    private const int NoticesPerMessage = 100;

    private sealed record Message(Guid From, IReadOnlyList<ChangeNotice> Notices);

    public Guid InstanceId { get; } = Guid.NewGuid();

    public async Task SendAsync(IReadOnlyList<ChangeNotice> notices, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(notices);
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        foreach (var chunk in notices.Chunk(NoticesPerMessage))
        {
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", JsonSerializer.Serialize(new Message(InstanceId, chunk)));
            await notify.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The notices in a message from another instance; none for this instance's own or an unreadable one.</summary>
    public IReadOnlyList<ChangeNotice> Read(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Message>(payload);
            return message is null || message.From == InstanceId ? [] : message.Notices ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

/// <summary>
/// Listens on <see cref="PostgresChangeRelay.Channel"/> for as long as the app runs, on a connection of its own, and
/// hands what other instances publish to this instance's <see cref="ChangeNotifier"/>. A lost connection is reopened.
/// </summary>
public sealed partial class PostgresChangeListener(
    DatabaseSettings settings, PostgresChangeRelay relay, ChangeNotifier notifier, PresenterFocus focus, RoomScreen roomScreen, ILogger<PostgresChangeListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile bool _connected;

    /// <summary>Completes once the first LISTEN has been accepted.</summary>
    public Task Listening => _listening.Task;

    /// <summary>Whether other instances' notices are arriving now (false while the connection is being reopened).</summary>
    public bool IsListening => _connected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Its own unpooled connection, with keep-alives so a dead server is noticed while it waits.
        var connectionString = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(relay.Read(e.Payload));
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresChangeRelay.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                _connected = true;
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                _connected = false;
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException)
            {
                _connected = false;
                LogLost(ex, RetryAfter.TotalSeconds);
                try
                {
                    await Task.Delay(RetryAfter, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Receive(IReadOnlyList<ChangeNotice> notices)
    {
        focus.FollowElsewhere(notices);
        roomScreen.FollowElsewhere(notices);
        notifier.PublishFromElsewhere(notices);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the change feed from other app instances; listening again in {Seconds} s")]
    private partial void LogLost(Exception ex, double seconds);
}
