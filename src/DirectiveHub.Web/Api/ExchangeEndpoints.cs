using DirectiveHub.Access;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Exchange;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Api;

/// <summary>
/// The document exchange over HTTP: a clerk of the issuer exports a directive as an edXML package
/// (<c>GET /api/directives/{id}/package</c>); peers (with their key) and clerks of a receiving unit or administrators
/// above it (with a bearer token) deliver packages and statuses (<c>POST /api/exchange/packages</c>,
/// <c>/api/exchange/statuses</c>), both idempotent; administrators set units' exchange codes.
/// </summary>
public static class ExchangeEndpoints
{
    public sealed record Imported(Guid DirectiveId, string Number, bool Created, string? Signatures);

    public sealed record Applied(Guid DirectiveId, string Unit, string StatusCode, string Status, bool Recorded);

    public sealed record ExchangeCodeForm(string? ExchangeCode);

    public sealed record ExchangeCodeSet(Guid OrganizationId, string ExchangeCode);

    /// <summary>A peer as an administrator submits it; blank keys keep the stored ones.</summary>
    public sealed record PeerForm(string? Code, string? Name, string? Url, string? Key, string? OutboundKey, List<string>? Units, bool IsDisabled);

    /// <summary>The routes inside the bearer-only /api group.</summary>
    public static RouteGroupBuilder MapExchangeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/directives/{id:guid}/package", PackageAsync).WithTags("Exchange").RequireAuthorization(p => p.RequireRole(Roles.Clerk));
        api.MapPut("/organizations/{id:guid}/exchange-code", SetCodeAsync).WithTags("Exchange").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        var peers = api.MapGroup("/admin/exchange-peers").WithTags("Exchange").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        peers.MapGet("", async (ExchangePeerRegistry registry, CancellationToken cancellationToken) => TypedResults.Ok(await registry.ListAsync(cancellationToken)));
        peers.MapPost("", (PeerForm form, ExchangePeerRegistry registry, CurrentUser user, CancellationToken cancellationToken) => SavePeerAsync(null, form, registry, user, cancellationToken));
        peers.MapPut("/{id:guid}", (Guid id, PeerForm form, ExchangePeerRegistry registry, CurrentUser user, CancellationToken cancellationToken) => SavePeerAsync(id, form, registry, user, cancellationToken));
        return api;
    }

    /// <summary>The delivery routes, which peers reach with their key as well as users with a bearer token.</summary>
    public static IEndpointRouteBuilder MapExchangeDelivery(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exchange").WithTags("Exchange").RequireAuthorization(Policies.Exchange);
        group.MapPost("/packages", ReceivePackageAsync).Accepts<string>(EdXml.ContentType);
        group.MapPost("/statuses", ReceiveStatusAsync).Accepts<string>(EdXml.ContentType);
        return app;
    }

    /// <summary>Adds (<paramref name="id"/> null: 201) or changes (200) a peer; the answer never carries its keys.</summary>
    private static async Task<Results<Created<ExchangePeerView>, Ok<ExchangePeerView>, NotFound, ValidationProblem, ProblemHttpResult>> SavePeerAsync(
        Guid? id, PeerForm form, ExchangePeerRegistry registry, CurrentUser user, CancellationToken cancellationToken)
    {
        if (form.Units is { Count: > ExchangePeerRecord.MaxUnits })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["units"] = [$"Tối đa {ExchangePeerRecord.MaxUnits} mã đơn vị."] }, title: "Dữ liệu không hợp lệ.");
        }

        try
        {
            var saved = await registry.SaveAsync(id, new ExchangePeerInput(form.Code, form.Name, form.Url, form.Key, form.OutboundKey, form.Units, form.IsDisabled), user.Actor, cancellationToken);
            return saved is null ? TypedResults.NotFound()
                : id is null ? TypedResults.Created($"/api/admin/exchange-peers/{saved.Id}", saved)
                : TypedResults.Ok(saved);
        }
        catch (ExchangeForbiddenException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (DomainException exception)
        {
            var field = exception.Field is { Length: > 0 } f ? char.ToLowerInvariant(f[0]) + f[1..] : string.Empty;
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [exception.Message] }, title: "Dữ liệu không hợp lệ.");
        }
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> PackageAsync(Guid id, CurrentUser user, PackageExport export, CancellationToken cancellationToken)
    {
        try
        {
            var package = await export.BuildAsync(await user.GetViewerAsync(cancellationToken), id, cancellationToken);
            return package is null
                ? TypedResults.NotFound()
                : TypedResults.File(EdXml.Write(package), EdXml.ContentType, package.Number.Replace('/', '_') + ".edxml.xml");
        }
        catch (DomainException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<Ok<ExchangeCodeSet>, NotFound, ValidationProblem, ProblemHttpResult>> SetCodeAsync(
        Guid id, ExchangeCodeForm form, AppDbContext db, CurrentUser user, AuditTrail audit, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var unit = await db.Organizations.VisibleTo(viewer).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }

        try
        {
            unit.SetExchangeCode(form.ExchangeCode);
        }
        catch (DomainException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["exchangeCode"] = [exception.Message] }, title: "Dữ liệu không hợp lệ.");
        }

        var code = unit.EffectiveExchangeCode;
        if (await db.Organizations.AnyAsync(o => o.Id != id && (o.ExchangeCode == code || (o.ExchangeCode == null && o.Code == code)), cancellationToken))
        {
            return Problem(StatusCodes.Status409Conflict, "exchangeCode", $"Mã liên thông {code} đã thuộc đơn vị khác.");
        }

        audit.Record(AuditActions.SettingChanged, nameof(Organizations.Organization), id.ToString(), new { ExchangeCode = code });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ExchangeCodeSet(id, code));
    }

    private static Task<IResult> ReceivePackageAsync(HttpContext http, PackageImport import, ExchangeOptions options, CurrentUser user, CancellationToken cancellationToken) =>
        ReceiveAsync(http, options, user, options.MaxPackageBytes, $"Gói tin vượt quá {options.MaxPackageBytes / (1024 * 1024)} MB.", async (body, caller) =>
        {
            var result = await import.ImportAsync(body, caller, cancellationToken);
            var imported = new Imported(result.DirectiveId, result.Number, result.Created, result.SignatureSummary);
            return result.Created ? TypedResults.Created($"/api/directives/{result.DirectiveId}", imported) : TypedResults.Ok(imported);
        }, cancellationToken);

    private static Task<IResult> ReceiveStatusAsync(HttpContext http, StatusIntake intake, ExchangeOptions options, CurrentUser user, CancellationToken cancellationToken) =>
        ReceiveAsync(http, options, user, options.MaxStatusBytes, $"Thông điệp trạng thái vượt quá {options.MaxStatusBytes / 1024} KB.", async (body, caller) =>
        {
            var result = await intake.ApplyAsync(body, caller, cancellationToken);
            return result is null
                ? Problem(StatusCodes.Status404NotFound, "ResponseFor", "Không có văn bản nào của hệ thống này khớp với ResponseFor của thông điệp.")
                : TypedResults.Ok(new Applied(result.DirectiveId, result.UnitCode, result.StatusCode, ExchangeStatusText.Of(result.StatusCode), result.Applied));
        }, cancellationToken);

    /// <summary>Both deliveries: a bounded body, the caller (a peer by its key or a user), and the domain's refusals as ProblemDetails.</summary>
    private static async Task<IResult> ReceiveAsync(HttpContext http, ExchangeOptions options, CurrentUser user, long limit, string tooBig, Func<byte[], ExchangeCaller, Task<IResult>> handle, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(http, limit, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "body", tooBig);
        }

        try
        {
            return await handle(body, await CallerAsync(http, options, user, cancellationToken));
        }
        catch (DomainException exception)
        {
            return Refusal(exception);
        }
    }

    private static IResult Refusal(DomainException exception) => exception switch
    {
        DuplicatePackageException => Problem(StatusCodes.Status409Conflict, exception.Field, exception.Message),
        ExchangeForbiddenException => Problem(StatusCodes.Status403Forbidden, exception.Field, exception.Message),
        { Field: { } field } => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [exception.Message] }, title: "Gói tin không hợp lệ.", detail: exception.Message),
        _ => Problem(StatusCodes.Status409Conflict, null, exception.Message),
    };

    private static ProblemHttpResult Problem(int status, string? field, string detail) =>
        TypedResults.Problem(
            detail,
            statusCode: status,
            title: status switch { 403 => "Không có quyền.", 404 => "Không tìm thấy.", 409 => "Trùng hoặc xung đột.", 413 => "Yêu cầu quá lớn.", _ => "Yêu cầu không hợp lệ." },
            extensions: field is null ? null : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });

    private static async Task<ExchangeCaller> CallerAsync(HttpContext http, ExchangeOptions options, CurrentUser user, CancellationToken cancellationToken)
    {
        var ip = http.Connection.RemoteIpAddress?.ToString();
        if (http.User.FindFirst(ExchangePeerAuthentication.PeerClaim)?.Value is { } code)
        {
            return ExchangeCaller.FromPeer(options.FindPeer(code) ?? throw new InvalidOperationException("An authenticated peer is no longer configured."), ip);
        }

        var viewer = await user.GetViewerAsync(cancellationToken);
        return new ExchangeCaller(null, user.Id, user.Email, viewer.OrganizationId, viewer.OrganizationPath, user.IsInRole(Roles.Clerk), user.IsInRole(Roles.Admin), ip);
    }

    /// <returns>The body, or null when it is longer than <paramref name="limit"/>.</returns>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, long limit, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > limit)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
