using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Core.Reminders.Replies;

/// <summary>What a valid reply token says: the delivery it was issued for and the last day it is honoured.</summary>
public readonly record struct ReplyTokenClaim(int DeliveryId, DateOnly Expires);

/// <summary>
/// Reply tokens: the delivery id and an expiry day, signed with HMAC-SHA256 under <c>Email:Inbound:ReplyTokenKey</c>,
/// written in lower-case base32 (32 characters) so they survive as an address's plus-tag, which some servers lower-case.
/// Without the key a token can be neither guessed nor altered.
/// </summary>
public sealed class ReplyTokens(IOptions<InboundOptions> options)
{
    public const int Length = 32;
    private const int PayloadBytes = 8;
    private const int SignatureBytes = 12;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public string Issue(int deliveryId, DateOnly expires)
    {
        var bytes = new byte[PayloadBytes + SignatureBytes];
        BinaryPrimitives.WriteInt32BigEndian(bytes, deliveryId);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), expires.DayNumber);
        Sign(bytes.AsSpan(0, PayloadBytes)).AsSpan(0, SignatureBytes).CopyTo(bytes.AsSpan(PayloadBytes));
        return Base32(bytes);
    }

    /// <summary>The claim of a token this product signed; null for anything else. Expiry is the caller's to judge.</summary>
    public ReplyTokenClaim? Read(string? token)
    {
        if (token is null || token.Length != Length || FromBase32(token.ToLowerInvariant()) is not { } bytes)
            return null;
        var expected = Sign(bytes.AsSpan(0, PayloadBytes)).AsSpan(0, SignatureBytes);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(PayloadBytes)))
            return null;
        var dayNumber = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
            return null;
        return new ReplyTokenClaim(BinaryPrimitives.ReadInt32BigEndian(bytes), DateOnly.FromDayNumber(dayNumber));
    }

    private byte[] Sign(ReadOnlySpan<byte> payload)
    {
        var key = options.Value.ReplyTokenKey;
        if (string.IsNullOrEmpty(key))
            throw new InvalidOperationException("Email:Inbound:ReplyTokenKey is not set, so reply tokens cannot be signed.");
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), payload);
    }

    private static string Base32(byte[] bytes)
    {
        var text = new StringBuilder(Length);
        for (var bit = 0; bit < bytes.Length * 8; bit += 5)
        {
            var index = 0;
            for (var i = 0; i < 5; i++)
            {
                var b = bit + i;
                index = (index << 1) | (b < bytes.Length * 8 ? (bytes[b / 8] >> (7 - (b % 8))) & 1 : 0);
            }
            text.Append(Alphabet[index]);
        }
        return text.ToString();
    }

    private static byte[]? FromBase32(string text)
    {
        var bytes = new byte[PayloadBytes + SignatureBytes];
        for (var c = 0; c < text.Length; c++)
        {
            var value = Alphabet.IndexOf(text[c], StringComparison.Ordinal);
            if (value < 0)
                return null;
            for (var i = 0; i < 5; i++)
            {
                var b = c * 5 + i;
                if (((value >> (4 - i)) & 1) == 1)
                    bytes[b / 8] |= (byte)(1 << (7 - (b % 8)));
            }
        }
        return bytes;
    }
}
