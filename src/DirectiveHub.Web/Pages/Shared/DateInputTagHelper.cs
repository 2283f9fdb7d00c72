using System.Globalization;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectiveHub.Web.Pages.Shared;

/// <summary>
/// Every <c>&lt;input type="date"&gt;</c> on the pages becomes a text field that reads dd/mm/yyyy (#14 item 14): a
/// native date field shows the browser's format (mm/dd/yyyy in an English browser) beside text that says 01/12/2026.
/// The page keeps writing its value in ISO form; it is shown day first here, and read back by
/// <see cref="VietnameseDateBinder"/>. A value the binder refused is shown again as typed, outlined.
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]")]
public sealed class DateInputTagHelper : TagHelper
{
    /// <summary>dd/mm/yyyy (one-digit day and month too), eight digits, or ISO: what the binder reads.</summary>
    public const string Pattern = @"\s*(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{8}|\d{4}-\d{1,2}-\d{1,2})\s*";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("maxlength", "10");
        output.Attributes.SetAttribute("pattern", Pattern);
        output.Attributes.SetAttribute("title", "Ngày theo dạng ngày/tháng/năm, ví dụ 04/09/2021");
        output.Attributes.SetAttribute("data-date", string.Empty);
        if (!output.Attributes.ContainsName("placeholder"))
        {
            output.Attributes.SetAttribute("placeholder", "dd/mm/yyyy");
        }

        // A text field has no calendar bounds of its own; the server checks them (InputBounds).
        output.Attributes.RemoveAll("min");
        output.Attributes.RemoveAll("max");

        var name = output.Attributes["name"]?.Value?.ToString();
        if (name is not null && ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var classes = output.Attributes["class"]?.Value?.ToString() ?? string.Empty;
            if (!classes.Contains("is-invalid", StringComparison.Ordinal))
            {
                output.Attributes.SetAttribute("class", (classes + " is-invalid").Trim());
            }

            // What could not be read as a date is shown as typed, to be corrected rather than typed again.
            if (entry.Errors.Any(e => e.ErrorMessage == VietnameseDateBinder.FormatMessage))
            {
                output.Attributes.SetAttribute("value", entry.AttemptedValue ?? string.Empty);
                return;
            }
        }

        var value = output.Attributes["value"]?.Value switch
        {
            null => null,
            Microsoft.AspNetCore.Html.IHtmlContent html => Render(html),
            var other => other.ToString(),
        };
        if (value is not null && DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            output.Attributes.SetAttribute("value", date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        }
    }

    private static string Render(Microsoft.AspNetCore.Html.IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return System.Net.WebUtility.HtmlDecode(writer.ToString());
    }
}
