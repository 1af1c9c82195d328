using HoldingToAccount.Core.Data;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Core.Reminders.Replies;

/// <summary>What one read of the mailbox did.</summary>
public sealed record InboundRun(bool Off, int Recorded, int Refused, int AlreadyHandled, string? Error)
{
    public string Describe => Off
        ? "Updating by e-mail is off (set Email:Inbound:ReplyAddress and Email:Inbound:Imap:Host)."
        : Error is not null
            ? $"The mailbox could not be read: {Error}"
            : $"{Recorded} recorded, {Refused} refused, {AlreadyHandled} handled before.";
}

/// <summary>
/// Reads the inbound mailbox over IMAP: every message in the folder is applied (or found already applied) and then
/// moved to the processed or refused folder. A message is moved only after its outcome is saved, so a run stopped at
/// any point leaves it to the next run, which recognises it by Message-ID and just moves it on.
/// </summary>
public sealed partial class InboundMailboxReader(
    IDbContextFactory<AppDbContext> factory,
    InboundReplyProcessor processor,
    IOptions<InboundOptions> options,
    TimeProvider clock,
    ILogger<InboundMailboxReader> logger)
{
    public async Task<InboundRun> RunAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (!settings.IsOn)
            return new InboundRun(true, 0, 0, 0, null);
        var started = clock.GetUtcNow().UtcDateTime;
        int recorded = 0, refused = 0, before = 0;
        try
        {
            using var client = new ImapClient { Timeout = settings.Imap.TimeoutSeconds * 1000 };
            await client.ConnectAsync(settings.Imap.Host!, settings.Imap.EffectivePort, Socket(settings.Imap.Security), ct);
            await client.AuthenticateAsync(settings.Imap.User!, settings.Imap.Password!, ct);
            var inbox = await client.GetFolderAsync(settings.Imap.Folder, ct);
            var processed = await FolderAsync(client, settings.Imap.ProcessedFolder, ct);
            var refusedFolder = await FolderAsync(client, settings.Imap.RefusedFolder, ct);
            await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
            foreach (var uid in await inbox.SearchAsync(SearchQuery.NotDeleted, ct))
            {
                var message = await inbox.GetMessageAsync(uid, ct);
                LogReading(logger, message.MessageId ?? "(none)", message.From.ToString());
                var result = await processor.ProcessAsync(message, ct);
                if (result.AlreadyHandled)
                    before++;
                else if (result.Outcome == InboundOutcome.Recorded)
                    recorded++;
                else
                    refused++;
                await inbox.MoveToAsync(uid, result.Outcome == InboundOutcome.Recorded ? processed : refusedFolder, ct);
            }
            await client.DisconnectAsync(true, ct);
            await RecordAsync(started, null, ct);
            LogRun(logger, recorded, refused, before);
            return new InboundRun(false, recorded, refused, before, null);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ImapProtocolException or ImapCommandException
            or AuthenticationException or FolderNotFoundException or SslHandshakeException or TimeoutException)
        {
            await RecordAsync(started, ex.Message, CancellationToken.None);
            LogFailed(logger, ex.Message);
            return new InboundRun(false, recorded, refused, before, ex.Message);
        }
    }

    private static async Task<IMailFolder> FolderAsync(ImapClient client, string name, CancellationToken ct)
    {
        try
        {
            return await client.GetFolderAsync(name, ct);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(name, true, ct) ?? throw new FolderNotFoundException(name);
        }
    }

    private async Task RecordAsync(DateTime started, string? error, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var state = await db.Set<InboundMailboxState>().SingleOrDefaultAsync(s => s.Id == InboundMailboxState.SingletonId, ct);
        if (state is null)
        {
            state = new InboundMailboxState();
            db.Add(state);
        }
        state.LastRunUtc = started;
        state.LastError = error is { Length: > 500 } ? error[..500] : error;
        if (error is null)
            state.LastSuccessUtc = started;
        await db.SaveChangesAsync(ct);
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Read the reply mailbox: {Recorded} recorded, {Refused} refused, {Before} handled before")]
    private static partial void LogRun(ILogger logger, int recorded, int refused, int before);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read reply {MessageId} from {From}")]
    private static partial void LogReading(ILogger logger, string messageId, string from);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply mailbox could not be read: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
