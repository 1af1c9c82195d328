using MimeKit;

namespace HoldingToAccount.Core.Reminders;

/// <summary>
/// Hands a message to a mail transport. Returns whether the server accepted it; a permanent refusal (5xx, rejected
/// recipient) comes back as not accepted with the server's reply. A transient failure (4xx, no connection, timeout)
/// throws <see cref="TransientEmailException"/> so the caller can try again later.
/// </summary>
public interface IEmailSender
{
    /// <summary>"smtp host:port" or "pickup folder": for logs and health.</summary>
    string Transport { get; }

    Task<EmailSendResult> SendAsync(MimeMessage message, CancellationToken ct = default);
}

public sealed record EmailSendResult(bool Accepted, string Reply)
{
    public static EmailSendResult Sent(string reply) => new(true, reply);

    public static EmailSendResult Rejected(string reply) => new(false, reply);
}

/// <summary>The transport could not deliver now (4xx, connection refused, timeout); trying again later may work.</summary>
public sealed class TransientEmailException : Exception
{
    public TransientEmailException()
    {
    }

    public TransientEmailException(string message) : base(message)
    {
    }

    public TransientEmailException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
