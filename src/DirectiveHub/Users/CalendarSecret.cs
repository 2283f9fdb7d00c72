using System.Security.Cryptography;
using System.Text;

namespace DirectiveHub.Users;

/// <summary>
/// The secret in a user's calendar feed address (<c>/calendar/{secret}.ics</c>). Only its hash is stored
/// (<see cref="AppUser.CalendarTokenHash"/>); issuing a new one revokes the old.
/// </summary>
public static class CalendarSecret
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
