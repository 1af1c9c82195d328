using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace HoldingToAccount.Core.Reminders.Replies;

/// <summary>
/// Updating by e-mail reply, bound from <c>Email:Inbound:</c>. Off unless both the reply address and the IMAP host are
/// set; then every message that lists actions invites a reply, and the mailbox is read every few minutes.
/// </summary>
public sealed class InboundOptions : IValidatableObject
{
    public const string Section = "Email:Inbound";

    /// <summary>The address replies go to, e.g. updates@pcc.example; the reply token is added as a plus-tag.</summary>
    public string? ReplyAddress { get; set; }

    /// <summary>How long a message's reply token is honoured, counted from the day it is sent.</summary>
    public int ReplyTokenDays { get; set; } = 60;

    /// <summary>The secret reply tokens are signed with (at least 32 characters); keep it with the other secrets.</summary>
    public string? ReplyTokenKey { get; set; }

    /// <summary>How often the mailbox is read, in minutes.</summary>
    public int IntervalMinutes { get; set; } = 5;

    public ImapOptions Imap { get; set; } = new();

    public bool IsOn => !string.IsNullOrWhiteSpace(ReplyAddress) && !string.IsNullOrWhiteSpace(Imap.Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsOn)
            yield break;
        if (!MailboxAddress.TryParse(ReplyAddress, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
            yield return new ValidationResult($"Email:Inbound:ReplyAddress \"{ReplyAddress}\" is not an address (e.g. updates@pcc.example).", ["ReplyAddress"]);
        if ((ReplyTokenKey ?? "").Length < 32)
            yield return new ValidationResult("Email:Inbound:ReplyTokenKey must be a secret of at least 32 characters when replies are read.", ["ReplyTokenKey"]);
        if (ReplyTokenDays is < 1 or > 366)
            yield return new ValidationResult("Email:Inbound:ReplyTokenDays must be between 1 and 366.", ["ReplyTokenDays"]);
        if (IntervalMinutes is < 1 or > 59)
            yield return new ValidationResult("Email:Inbound:IntervalMinutes must be between 1 and 59.", ["IntervalMinutes"]);
        if (string.IsNullOrWhiteSpace(Imap.User) || Imap.Password is null)
            yield return new ValidationResult("Email:Inbound:Imap:User and Email:Inbound:Imap:Password must be set when Email:Inbound:Imap:Host is.", ["Imap.User"]);
    }
}

public sealed class ImapOptions
{
    public string? Host { get; set; }

    /// <summary>0 picks 993 for <see cref="SmtpSecurity.SslOnConnect"/>, else 143.</summary>
    public int Port { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>The folder replies arrive in.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where a reply goes once its updates are recorded.</summary>
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>Where a reply goes when it is refused.</summary>
    public string RefusedFolder { get; set; } = "Refused";

    public int TimeoutSeconds { get; set; } = 30;

    public int EffectivePort => Port > 0 ? Port : Security == SmtpSecurity.SslOnConnect ? 993 : 143;
}
