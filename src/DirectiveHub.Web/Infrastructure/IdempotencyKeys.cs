namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// The key a client sends with an action it may retry (a phone's queued acknowledgment or report): the
/// <c>Idempotency-Key</c> header, or a form field for a plain form post. It must be a GUID.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <returns>False when a key was sent but is not a GUID; <paramref name="key"/> is null when none was sent.</returns>
    public static bool TryRead(HttpRequest request, string? formValue, out Guid? key)
    {
        key = null;
        var text = request.Headers[Header].FirstOrDefault() ?? formValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (text.Length > 64 || !Guid.TryParse(text, out var parsed) || parsed == Guid.Empty)
        {
            return false;
        }

        key = parsed;
        return true;
    }
}
