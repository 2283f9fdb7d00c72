using DirectiveHub.Directives;
using DirectiveHub.Formatting;
using DirectiveHub.Import;
using DirectiveHub.Web.Features.Import;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Import;

/// <summary>
/// "Nhập từ văn bản": paste a directive or upload its .docx, then open it in the draft editor, or register a directive
/// received from another issuer as published with its original number and date.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = ImportSource.MaxBytes + 1024 * 1024)]
public sealed class IndexModel(IncomingRegistration registration, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string? ImportText { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The checked document's number and subject, and what breaks the format rules; null before a check.</summary>
    public ParsedDirective? Checked { get; private set; }

    public IReadOnlyList<FormatWarning> FormatWarnings { get; private set; } = [];

    public void OnGet()
    {
    }

    /// <summary>Reads the document and lists what does not follow the format rules, keeping the text for the next step.</summary>
    public async Task<IActionResult> OnPostCheckAsync(string? importText, IFormFile? importFile, CancellationToken cancellationToken)
    {
        if (await ReadAsync(importText, importFile, cancellationToken) is not { } text)
        {
            return Page();
        }

        // A file's text is put in the box, so that registering or opening it in the editor next uses what was checked.
        ImportText = text;
        Checked = DirectiveTextParser.Parse(text);
        FormatWarnings = FormatCheck.Check(FormatInputs.FromImport(Checked, text));
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(string? importText, IFormFile? importFile, CancellationToken cancellationToken)
    {
        if (await ReadAsync(importText, importFile, cancellationToken) is not { } text)
        {
            return Page();
        }

        try
        {
            var actor = new Actor(user.Id, user.Email, user.OrganizationId, HttpContext.Connection.RemoteIpAddress?.ToString());
            var directive = await registration.RegisterAsync(DirectiveTextParser.Parse(text), user.OrganizationId, actor, cancellationToken);
            TempData["Message"] = localizer["ImportRegistered", directive.Number!].Value;
            return RedirectToPage("/Directives/Details", new { id = directive.Id });
        }
        catch (DomainException exception)
        {
            Error = exception.Message;
            return Page();
        }
    }

    /// <summary>The pasted text or the uploaded file's, or null with <see cref="Error"/> saying why; the input is kept.</summary>
    private async Task<string?> ReadAsync(string? importText, IFormFile? importFile, CancellationToken cancellationToken)
    {
        ImportText = importText;
        var imported = await ImportSource.ReadAsync(HttpContext, importText, importFile, cancellationToken);
        if (imported?.Text is not { } text)
        {
            Error = imported?.Error ?? localizer["ImportNothing"];
            return null;
        }

        return text;
    }
}
