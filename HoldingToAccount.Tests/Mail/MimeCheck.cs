using MimeKit;

namespace HoldingToAccount.Tests.Mail;

/// <summary>
/// What a mail server, an archive or Outlook needs of a message's bytes: every text part says how it is encoded
/// (the message body quoted-printable, so it stays readable and survives a 7-bit relay), and nothing but ASCII
/// travels raw. Works on the serialized message — a pickup <c>.eml</c> or what an SMTP server received.
/// </summary>
public static class MimeCheck
{
    public static IReadOnlyList<string> Problems(byte[] serialized)
    {
        var problems = new List<string>();
        var raw = Array.FindIndex(serialized, b => b > 0x7F);
        if (raw >= 0)
            problems.Add($"byte {raw} is not ASCII: text travels raw instead of encoded");

        using var stream = new MemoryStream(serialized);
        var message = MimeMessage.Load(stream);
        var parts = message.BodyParts.OfType<MimePart>().ToList();
        if (!parts.Any(p => p.ContentType.IsMimeType("text", "plain")) || !parts.Any(p => p.ContentType.IsMimeType("text", "html")))
            problems.Add("the message lacks a text/plain or a text/html part");
        foreach (var part in parts.Where(p => p.ContentType.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase)))
        {
            var name = part.ContentType.MimeType + (part.FileName is { } file ? $" ({file})" : "");
            if (!part.Headers.Contains(HeaderId.ContentTransferEncoding))
                problems.Add($"{name} declares no Content-Transfer-Encoding");
            else if (!part.IsAttachment && part.ContentTransferEncoding != ContentEncoding.QuotedPrintable)
                problems.Add($"{name} is {part.ContentTransferEncoding}, not quoted-printable");
            if (!string.Equals(part.ContentType.Charset, "utf-8", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{name} declares charset {part.ContentType.Charset ?? "none"}, not utf-8");
        }
        return problems;
    }
}
