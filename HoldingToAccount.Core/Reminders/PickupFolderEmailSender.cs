using Microsoft.Extensions.Options;
using MimeKit;

namespace HoldingToAccount.Core.Reminders;

/// <summary>Writes each message as an <c>.eml</c> file a person can open: the transport when no SMTP host is set.</summary>
public sealed class PickupFolderEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public string Transport => $"pickup folder {options.Value.PickupPath}";

    public async Task<EmailSendResult> SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = options.Value.PickupPath;
        try
        {
            Directory.CreateDirectory(folder);
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
            var temporary = Path.Combine(folder, name + ".tmp");
            await using (var stream = File.Create(temporary))
                await message.WriteToAsync(stream, ct);
            var path = Path.Combine(folder, name);
            File.Move(temporary, path);
            return EmailSendResult.Sent($"written to {path}");
        }
        catch (IOException ex)
        {
            throw new TransientEmailException($"Could not write to the pickup folder {folder}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new TransientEmailException($"Could not write to the pickup folder {folder}: {ex.Message}", ex);
        }
    }
}
