namespace DirectiveHub;

/// <summary>
/// A domain rule was broken. The message is Vietnamese and safe to show to the user. <see cref="Field"/> names the input
/// at fault when the rule is about a value the caller gave (a date before the deadline): that is bad input, not a race.
/// </summary>
public class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
