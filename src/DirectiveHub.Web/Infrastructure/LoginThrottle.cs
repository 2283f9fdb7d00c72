using System.Collections.Concurrent;
using System.Globalization;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Slows down failed sign-ins instead of locking accounts (ASVS 2.2.1: anti-automation without malicious lockout),
/// for the login page, its second step and the token endpoint. Only failures count; a success clears its own slate.
/// Three counters, each with delays that double after its free failures: per account and address (the guesser at
/// one machine, up to 15 minutes), per address (spraying across accounts, up to 15 minutes) and per account from
/// everywhere (a distributed guesser, capped at a minute so nobody can keep the owner out by name).
/// </summary>
public sealed class LoginThrottle(IConfiguration configuration, TimeProvider clock)
{
    private static readonly TimeSpan Forgotten = TimeSpan.FromMinutes(30);

    private readonly int _freePerAddress = configuration.GetValue("Security:LoginAttemptsPerAddressPerMinute", 20);
    private readonly int _freePerAccount = configuration.GetValue("Security:LoginAttemptsPerAccountPer5Minutes", 10);
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Null when a sign-in may be tried now, else how long the caller must wait. Counts nothing.</summary>
    public TimeSpan? Check(HttpContext context, string? account)
    {
        var now = clock.GetUtcNow();
        var waits = Keys(context, account).Select(k => _counters.TryGetValue(k.Key, out var c) ? c.WaitAt(now) : TimeSpan.Zero);
        var wait = waits.DefaultIfEmpty(TimeSpan.Zero).Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(HttpContext context, string? account)
    {
        var now = clock.GetUtcNow();
        Prune(now);
        foreach (var (key, free, cap) in Keys(context, account))
        {
            _counters.AddOrUpdate(key, _ => Counter.Start(now).Fail(now, free, cap), (_, c) => c.Fail(now, free, cap));
        }
    }

    /// <summary>The right password from this address clears this address's record for the account (not the others).</summary>
    public void Succeeded(HttpContext context, string? account)
    {
        if (!string.IsNullOrWhiteSpace(account))
        {
            _counters.TryRemove(AccountAtAddress(Address(context), account), out _);
        }
    }

    public static void SetRetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private IEnumerable<(string Key, int Free, TimeSpan Cap)> Keys(HttpContext context, string? account)
    {
        var address = Address(context);
        yield return ("a|" + address, _freePerAddress, TimeSpan.FromMinutes(15));
        if (!string.IsNullOrWhiteSpace(account))
        {
            yield return (AccountAtAddress(address, account), _freePerAccount, TimeSpan.FromMinutes(15));
            yield return ("u|" + Normalize(account), Math.Max(_freePerAccount, _freePerAccount * 2), TimeSpan.FromMinutes(1));
        }
    }

    // The address is the client's as ForwardedHeaders resolved it: X-Forwarded-For counts only from known proxies.
    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string AccountAtAddress(string address, string account) => "ua|" + Normalize(account) + "|" + address;

    private static string Normalize(string account) => account.Trim().ToUpperInvariant();

    private void Prune(DateTimeOffset now)
    {
        if (_counters.Count < 10_000)
        {
            return;
        }

        foreach (var (key, counter) in _counters.Where(e => now - e.Value.LastFailure > Forgotten))
        {
            _counters.TryRemove(key, out _);
        }
    }

    private sealed record Counter(int Failures, DateTimeOffset LastFailure, DateTimeOffset BlockedUntil)
    {
        public static Counter Start(DateTimeOffset now) => new(0, now, now);

        public TimeSpan WaitAt(DateTimeOffset now) => now - LastFailure > Forgotten ? TimeSpan.Zero : BlockedUntil - now;

        public Counter Fail(DateTimeOffset now, int free, TimeSpan cap)
        {
            var failures = (now - LastFailure > Forgotten ? 0 : Failures) + 1;
            if (failures < free)
            {
                return new Counter(failures, now, now);
            }

            // 1 s at the limit, then 2, 4, 8 … up to the cap.
            var seconds = Math.Min(cap.TotalSeconds, Math.Pow(2, Math.Min(failures - free, 20)));
            return new Counter(failures, now, now + TimeSpan.FromSeconds(seconds));
        }
    }
}
