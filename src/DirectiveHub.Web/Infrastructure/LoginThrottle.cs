using System.Globalization;
using System.Threading.RateLimiting;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Limits sign-in attempts per client address and per account (ASVS 2.2.1), for the login page and the token
/// endpoint. Identity's lockout still applies on top; this stops spraying across accounts and hammering one.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perAccount;

    public LoginThrottle(IConfiguration configuration)
    {
        var perAddress = configuration.GetValue("Security:LoginAttemptsPerAddressPerMinute", 20);
        var perAccount = configuration.GetValue("Security:LoginAttemptsPerAccountPer5Minutes", 10);
        _perAddress = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perAddress, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        _perAccount = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perAccount, Window = TimeSpan.FromMinutes(5), QueueLimit = 0 }));
    }

    /// <summary>Counts one attempt. Returns null when it may go ahead, else how long the caller must wait.</summary>
    public TimeSpan? TryAttempt(HttpContext context, string? account)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var byAddress = _perAddress.AttemptAcquire(address);
        if (!byAddress.IsAcquired)
        {
            return RetryAfter(byAddress, TimeSpan.FromMinutes(1));
        }

        if (string.IsNullOrWhiteSpace(account))
        {
            return null;
        }

        using var byAccount = _perAccount.AttemptAcquire(account.Trim().ToUpperInvariant());
        return byAccount.IsAcquired ? null : RetryAfter(byAccount, TimeSpan.FromMinutes(5));
    }

    public static void SetRetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _perAddress.Dispose();
        _perAccount.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan fallback) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : fallback;
}
