using System.Text;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Text that may reach the database: no C0/C1 control characters other than tab and line breaks, and no lone UTF-16
/// surrogates (PostgreSQL refuses NUL with 22021; a lone surrogate cannot be encoded as UTF-8 at all).
/// </summary>
public static class ControlCharacters
{
    public static bool AnyIn(string? value) => value is not null && FirstBad(value) >= 0;

    /// <summary>The index of the first forbidden character, or -1.</summary>
    public static int FirstBad(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (IsForbidden(c))
            {
                return i;
            }
        }

        return -1;
    }

    public static string Strip(string value)
    {
        if (FirstBad(value) < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (c is '\f' or '\v' or '\u0085')
            {
                // Page breaks (text copied from a PDF) and other line separators still separate lines: the words on
                // either side must not run together.
                builder.Append('\n');
            }
            else if (!IsForbidden(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsForbidden(char c) =>
        (char.IsControl(c) && c is not '\t' and not '\n' and not '\r') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
}
