using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// The first guard at the edge, for pages and API alike: request bodies other than file uploads are held to
/// Security:MaxRequestBodyBytes (413 beyond), and control characters are stripped from query strings and form
/// fields, so a NUL typed or pasted into any field never reaches PostgreSQL and the rest of the input is kept.
/// JSON bodies are checked while they are read (<see cref="SafeStringJsonConverter"/>): the API refuses, naming the field.
/// </summary>
public sealed class InputSanitizer(RequestDelegate next, IConfiguration configuration)
{
    private readonly long _maxBodyBytes = configuration.GetValue("Security:MaxRequestBodyBytes", 2L * 1024 * 1024);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var multipart = request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
        if (!multipart)
        {
            if (request.ContentLength > _maxBodyBytes)
            {
                await TooLargeAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = _maxBodyBytes;
            }
        }

        if (request.QueryString.HasValue && request.QueryString.Value!.Length > InputBounds.MaxQueryStringLength * 8)
        {
            context.Response.StatusCode = StatusCodes.Status414UriTooLong;
            return;
        }

        var query = request.Query;
        if (query.Any(q => q.Value.Any(ControlCharacters.AnyIn)))
        {
            var clean = query.ToDictionary(q => ControlCharacters.Strip(q.Key), q => Clean(q.Value), StringComparer.Ordinal);
            request.QueryString = QueryString.Create(clean);
        }

        if (request.HasFormContentType && !multipart && !HttpMethods.IsGet(request.Method))
        {
            // Parsed here rather than by ASP.NET Core, whose reader refuses a %00 anywhere with a bare 400 and
            // loses the whole form; this one strips it from the one field and keeps everything else.
            if (await ReadFormAsync(request, context.RequestAborted) is not { } form)
            {
                await TooLargeAsync(context);
                return;
            }

            context.Features.Set<IFormFeature>(new FormFeature(form));
        }

        await next(context);
    }

    private async Task<FormCollection?> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var buffer = new char[8192];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > _maxBodyBytes)
            {
                return null;
            }
        }

        var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.ToString().Split('&', StringSplitOptions.RemoveEmptyEntries).Take(MaxFormFields))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = ControlCharacters.Strip(Decode(equals < 0 ? pair : pair[..equals]));
            var value = ControlCharacters.Strip(Decode(equals < 0 ? string.Empty : pair[(equals + 1)..]));
            if (!fields.TryGetValue(key, out var values))
            {
                fields[key] = values = [];
            }

            values.Add(value);
        }

        return new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues([.. f.Value]), StringComparer.OrdinalIgnoreCase));
    }

    private const int MaxFormFields = 10_000;

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static StringValues Clean(StringValues values) => new(values.Select(v => v is null ? null : ControlCharacters.Strip(v)).ToArray());

    private static async Task TooLargeAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.Response.WriteAsJsonAsync(
            new { title = "Yêu cầu quá lớn.", status = 413, detail = "Dữ liệu gửi lên vượt giới hạn cho phép." },
            options: null,
            contentType: "application/problem+json",
            cancellationToken: context.RequestAborted);
    }
}
