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

    /// <summary>POST /api/import/parse with text/plain, or a multipart form whose "file" is a .docx → the parsed directive.</summary>
    private static async Task<Results<Ok<ParsedDirective>, ProblemHttpResult>> ParseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string? text;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            text = await ImportSource.ReadAsync(form["text"], form.Files["file"], cancellationToken);
        }
        else if (request.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (request.ContentLength > ImportSource.MaxBytes)
            {
                return TypedResults.Problem("Văn bản quá dài.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        else
        {
            return TypedResults.Problem("Gửi văn bản dạng text/plain, hoặc tệp .docx trong trường \"file\" của multipart/form-data.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (text is null)
        {
            return TypedResults.Problem("Tệp không phải văn bản Word (.docx) đọc được.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(DirectiveTextParser.Parse(text));
    }
}
