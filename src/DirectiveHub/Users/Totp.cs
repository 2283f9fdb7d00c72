using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DirectiveHub.Users;

/// <summary>
/// RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, 6 digits), as authenticator apps compute
/// them. Ours rather than Identity's because Identity reads the wall clock and the app's time comes from
/// <see cref="TimeProvider"/> (tests move it).
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;

    /// <summary>Codes from this many steps either side are accepted: phones' clocks drift and people type slowly.</summary>
    public const int AllowedDrift = 1;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(byte[] key, long step, int digits = 6)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1 here; it is not used as a hash of data.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % (int)Math.Pow(10, digits);
        return binary.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>The step the code belongs to, or null when it matches none within the allowed drift.</summary>
    public static long? MatchStep(byte[] key, string code, DateTimeOffset now)
    {
        var trimmed = code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (trimmed.Length != 6 || !trimmed.All(char.IsAsciiDigit))
        {
            return null;
        }

        var step = StepAt(now);
        for (var delta = -AllowedDrift; delta <= AllowedDrift; delta++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(key, step + delta)), System.Text.Encoding.ASCII.GetBytes(trimmed)))
            {
                return step + delta;
            }
        }

        return null;
    }

    /// <summary>Decodes the RFC 4648 base32 key Identity stores (case and spaces ignored, padding optional).</summary>
    public static byte[] DecodeKey(string base32)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(base32.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var raw in base32)
        {
            if (raw is ' ' or '=' or '-')
            {
                continue;
            }

            var value = alphabet.IndexOf(char.ToUpperInvariant(raw), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The key is not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
