using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Keeps secrets that travel in addresses out of every log line: the calendar feed's secret is its path
/// (<c>/calendar/{secret}.ics</c>) and a set-password link carries its token in the query. Applied to every string
/// property of every event (the request log's RequestPath, framework logs of the URL), so a logger added later cannot
/// leak them either.
/// </summary>
public sealed partial class SecretRedaction : ILogEventEnricher
{
    public const string Redacted = "***";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && Redact(text) is var redacted && !ReferenceEquals(redacted, text))
            {
                (changed ??= []).Add(new LogEventProperty(name, new ScalarValue(redacted)));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>The text with calendar secrets and tokens replaced; the same instance when there is nothing to hide.</summary>
    public static string Redact(string text)
    {
        if (text.Contains("/calendar/", StringComparison.OrdinalIgnoreCase))
        {
            text = CalendarSecret().Replace(text, "/calendar/" + Redacted);
        }

        if (text.Contains("token=", StringComparison.OrdinalIgnoreCase) || text.Contains("code=", StringComparison.OrdinalIgnoreCase))
        {
            text = TokenParameter().Replace(text, "$1=" + Redacted);
        }

        return text;
    }

    [GeneratedRegex(@"/calendar/[^/?#\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex CalendarSecret();

    [GeneratedRegex(@"\b(token|code)=[^&\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex TokenParameter();
}
