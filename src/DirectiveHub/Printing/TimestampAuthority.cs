namespace DirectiveHub.Printing;

/// <summary>
/// The RFC 3161 timestamp authority a signature asks for its token, and how long it waits: publishing holds the
/// register's row lock meanwhile, so a TSA that never answers must not hold every other publication of that register.
/// </summary>
public sealed record TimestampAuthority(Uri Url, TimeSpan Timeout)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
}
