using DirectiveHub.Directives;
using DirectiveHub.Formatting;
using DirectiveHub.Import;
using DirectiveHub.Signing;
using DirectiveHub.Web.Features.Import;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Import;

/// <summary>
/// "Nhập từ văn bản": paste a directive or upload its file, then open it in the draft editor, or register a directive
/// received from another issuer as published with its original number and date. An uploaded file is kept as the
/// registered directive's attachment, also when it was checked first and registered on a later post.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = ImportSource.MaxBytes + 1024 * 1024)]
public sealed class IndexModel(IncomingRegistration registration, StagedImports staging, PdfSignatures signatures, CurrentUser user, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string? ImportText { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The checked document's number and subject, and what breaks the format rules; null before a check.</summary>
    public ParsedDirective? Checked { get; private set; }

    public IReadOnlyList<FormatWarning> FormatWarnings { get; private set; } = [];

    /// <summary>The uploaded file kept for registering, and its name; null when the text was pasted.</summary>
    public Guid? StagedId { get; private set; }

    public string? StagedName { get; private set; }

    /// <summary>What the uploaded PDF's signatures say, for the clerk to see before registering it.</summary>
    public IReadOnlyList<SignatureCheck>? Signatures { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Reads the document and lists what does not follow the format rules, keeping the text for the next step.</summary>
    public async Task<IActionResult> OnPostCheckAsync(string? importText, IFormFile? importFile, Guid? staged, CancellationToken cancellationToken)
    {
        if (await ReadAsync(importText, importFile, staged, cancellationToken) is not { } input)
        {
            return Page();
        }

        // A file's text is put in the box, so that registering or opening it in the editor next uses what was checked;
        // the file itself waits, staged, to be kept with the directive.
        ImportText = input.Text;
        if (input.Source is { } source)
        {
            StagedId = input.StagedId ?? await staging.StageAsync(user.Id, source.FileName, source.Content, cancellationToken);
            StagedName = source.FileName;
            if (FileTypes.Detect(new MemoryStream(source.Content, writable: false))?.ContentType == Printing.RecordCopy.ContentType)
            {
                Signatures = await signatures.CheckAsync(source.Content, cancellationToken);
            }
        }

        Checked = DirectiveTextParser.Parse(input.Text);
        FormatWarnings = FormatCheck.Check(FormatInputs.FromImport(Checked, input.Text));
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(string? importText, IFormFile? importFile, Guid? staged, bool keepOriginal, CancellationToken cancellationToken)
    {
        if (await ReadAsync(importText, importFile, keepOriginal ? staged : null, cancellationToken) is not { } input)
        {
            return Page();
        }

        try
        {
            var actor = new Actor(user.Id, user.Email, user.OrganizationId, HttpContext.Connection.RemoteIpAddress?.ToString());
            var directive = await registration.RegisterAsync(DirectiveTextParser.Parse(input.Text), input.Source, user.OrganizationId, actor, cancellationToken);
            if (input.StagedId is { } used)
            {
                await staging.DiscardAsync(used, cancellationToken);
            }

            var original = directive.Attachments.Count > 0 ? directive.Attachments[0] : null;
            TempData["Message"] = localizer["ImportRegistered", directive.Number!].Value
                + (original is null ? "" : " " + localizer["ImportOriginalKept", original.FileName].Value)
                + (original?.SignatureVerdict is { } verdict ? " " + PdfSignatures.Describe(verdict, original.SignedBy) : "");
            return RedirectToPage("/Directives/Details", new { id = directive.Id });
        }
        catch (DomainException exception)
        {
            // The file uploaded with this post waits, staged, for the corrected text: the browser will not send it again.
            Error = exception.Message;
            ImportText = input.Text;
            StagedId = input.StagedId ?? (input.Source is { } source ? await staging.StageAsync(user.Id, source.FileName, source.Content, cancellationToken) : null);
            StagedName = input.Source?.FileName;
            return Page();
        }
    }

    private sealed record Input(string Text, IncomingRegistration.SourceFile? Source, Guid? StagedId);

    /// <summary>
    /// The text, with the file it came from: a new upload first, else the staged one this user checked (with the text
    /// as the box holds it now), else the pasted text alone. Null with <see cref="Error"/> saying why; the input is kept.
    /// </summary>
    private async Task<Input?> ReadAsync(string? importText, IFormFile? importFile, Guid? staged, CancellationToken cancellationToken)
    {
        ImportText = importText;
        if (importFile is { Length: > 0 })
        {
            var content = await ImportSource.ContentOfAsync(importFile, cancellationToken);
            var read = content is null ? ImportedText.Failed("file", ImportReader.TooLarge) : await ImportSource.ReadAsync(HttpContext, content, cancellationToken);
            if (read.Text is not { } fileText)
            {
                Error = read.Error;
                return null;
            }

            return new Input(fileText, new IncomingRegistration.SourceFile(Path.GetFileName(importFile.FileName), content!), null);
        }

        if (string.IsNullOrWhiteSpace(importText))
        {
            Error = localizer["ImportNothing"];
            return null;
        }

        var kept = staged is { } id ? await staging.FindAsync(id, user.Id, cancellationToken) : null;
        return new Input(importText, kept is null ? null : new IncomingRegistration.SourceFile(kept.FileName, kept.Content), kept?.Id);
    }
}
