using DirectiveHub.Formatting;
using DirectiveHub.Import;
using DirectiveHub.Users;
using DirectiveHub.Web.Features.Import;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DirectiveHub.Web.Api;

public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/import/parse", ParseAsync)
            .WithTags("Import")
            .RequireAuthorization(p => p.RequireRole(Roles.Clerk))
            .DisableAntiforgery()
            .Accepts<string>("text/plain", "multipart/form-data");
        return api;
    }

    /// <summary>
    /// POST /api/import/parse with text/plain, or a multipart form whose "file" is a .txt, .docx, PDF (text or scan)
    /// or photo → the parsed directive with the format check's warnings (formatWarnings: ruleId, field, message,
    /// source). OCR's mean confidence comes back in the X-Ocr-Confidence header.
    /// </summary>
    private static async Task<Results<Ok<ParsedDirective>, ProblemHttpResult>> ParseAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        ImportedText? imported;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            imported = await ImportSource.ReadAsync(context, form["text"], form.Files["file"], cancellationToken);
        }
        else if (request.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (request.ContentLength > ImportSource.MaxBytes)
            {
                return TypedResults.Problem("Văn bản quá dài.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
            imported = new ImportedText(await reader.ReadToEndAsync(cancellationToken), "text", null, [], null);
        }
        else
        {
            return TypedResults.Problem("Gửi văn bản dạng text/plain, hoặc tệp (.txt, .docx, PDF, ảnh PNG/JPEG) trong trường \"file\" của multipart/form-data.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (imported?.Text is not { } text)
        {
            var status = imported?.Error == ImportReader.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return TypedResults.Problem(
                imported?.Error ?? "Không có văn bản để đọc.",
                statusCode: status,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [imported?.Error ?? "Không có văn bản để đọc."] } });
        }

        if (imported.Confidence is { } confidence)
        {
            context.Response.Headers["X-Ocr-Confidence"] = confidence.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        }

        var parsed = DirectiveTextParser.Parse(text);
        return TypedResults.Ok(parsed with { FormatWarnings = FormatCheck.Check(FormatInputs.FromImport(parsed, text)) });
    }
}
