using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectiveHub.Web.Pages.Shared;

/// <summary>
/// A field the server refused (the framework's tag helpers mark it <c>input-validation-error</c>) is told to assistive
/// technology as invalid, and is outlined like Bootstrap's invalid fields (site.css) on every form: a message alone
/// under a long field, with the field looking normal, was easy to miss (#14 item 15).
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    // After the framework's input, textarea and select tag helpers (order 0), which write the class.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes.TryGetAttribute("class", out var css) && Text(css.Value).Contains("input-validation-error", StringComparison.Ordinal))
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
    }

    // The framework writes the class as HTML content, whose ToString() is not its text.
    private static string Text(object? value)
    {
        if (value is not Microsoft.AspNetCore.Html.IHtmlContent html)
        {
            return value?.ToString() ?? string.Empty;
        }

        using var writer = new StringWriter();
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
