namespace DirectiveHub.Notifications;

/// <summary>
/// When a delivery that failed (a mail, an exchange status) is tried again: each time twice as late (1, 2, 4 …
/// minutes, at most 6 hours), so that a server away for a day is neither hammered nor given up on.
/// </summary>
public static class DeliveryRetry
{
    public const int MaxErrorLength = 1000;

    public static DateTime NextAttemptAt(int attempts, DateTime nowUtc) =>
        nowUtc + TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Min(Math.Max(attempts, 1) - 1, 9))));

    /// <summary>The error as kept on the record: the start of it, since a server's reply can be of any length.</summary>
    public static string Kept(string error) => error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
}
