using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DirectiveHub.Web.Pages.Shared;

/// <summary>
/// What an empty list shows instead of bare column headers (#14 item 15): what is empty and what to do. Put on the
/// element that holds a table or list; when <see cref="When"/> is true the element is replaced by one message block,
/// the same on every page: <c>&lt;div class="table-responsive" dh-empty-when="@(Model.Rows.Count == 0)"
/// dh-empty-text="…" dh-empty-hint="…" dh-empty-href="…" dh-empty-action="…"&gt;</c>.
/// </summary>
[HtmlTargetElement(Attributes = WhenAttribute)]
public sealed class EmptyStateTagHelper(HtmlEncoder encoder) : TagHelper
{
    private const string WhenAttribute = "dh-empty-when";

    [HtmlAttributeName(WhenAttribute)]
    public bool When { get; set; }

    /// <summary>What is empty, as a sentence ("Chưa có văn bản nào gửi đến đơn vị.").</summary>
    [HtmlAttributeName("dh-empty-text")]
    public string Text { get; set; } = string.Empty;

    /// <summary>What to do about it, or what will fill the list.</summary>
    [HtmlAttributeName("dh-empty-hint")]
    public string? Hint { get; set; }

    /// <summary>Where the next step is done (clear the filter, write a draft…), with <see cref="Action"/> as its link text.</summary>
    [HtmlAttributeName("dh-empty-href")]
    public string? Href { get; set; }

    [HtmlAttributeName("dh-empty-action")]
    public string? Action { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!When)
        {
            return;
        }

        output.SuppressOutput();
        var html = new System.Text.StringBuilder();
        html.Append("<div class=\"empty-state border rounded p-3 mb-3\" data-testid=\"empty-state\">");
        html.Append("<p class=\"fw-semibold mb-1\">").Append(encoder.Encode(Text)).Append("</p>");
        if (!string.IsNullOrWhiteSpace(Hint) || (!string.IsNullOrEmpty(Href) && !string.IsNullOrEmpty(Action)))
        {
            html.Append("<p class=\"mb-0\">");
            if (!string.IsNullOrWhiteSpace(Hint))
            {
                html.Append(encoder.Encode(Hint));
            }

            if (!string.IsNullOrEmpty(Href) && !string.IsNullOrEmpty(Action))
            {
                html.Append(' ').Append("<a class=\"tap\" href=\"").Append(encoder.Encode(Href)).Append("\">").Append(encoder.Encode(Action)).Append("</a>");
            }

            html.Append("</p>");
        }

        html.Append("</div>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
