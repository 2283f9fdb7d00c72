using System.Globalization;
using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using DirectiveHub.Users;
using DirectiveHub.Web.Features.Directives;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Api;

/// <summary>
/// /api/directives: the same drafting and publishing as the pages (<see cref="DirectiveDrafts"/>,
/// <see cref="DirectivePublisher"/>). A directive the caller may not see is 404, never 403.
/// </summary>
public static class DirectiveEndpoints
{
    public const int PageSize = 20;

    public sealed record Created(Guid Id, string Status, int Version);

    public sealed record Published(Guid Id, string Number, int Sequence, DateOnly IssuedOn, string Status);

    public sealed record Summary(Guid Id, string? Number, string DocumentType, string Subject, DateOnly? IssuedOn, string Status, string Urgency, Guid IssuerId, string? IssuerName);

    public sealed record SummaryPage(IReadOnlyList<Summary> Items, int Page, int PageSize, int Total);

    public static RouteGroupBuilder MapDirectiveEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/directives").WithTags("Directives");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapGet("/{id:guid}/pdf", PdfAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(p => p.RequireRole(Roles.Clerk));
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(p => p.RequireRole(Roles.Clerk));
        group.MapPost("/{id:guid}/publish", PublishAsync).RequireAuthorization(p => p.RequireRole(Roles.Clerk));
        return api;
    }

    private static async Task<Ok<SummaryPage>> ListAsync(
        string? q, string? type, DirectiveStatus? status, int? year, Urgency? urgency, int? page,
        AppDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var number = Math.Max(1, page ?? 1);
        var filter = new DirectiveFilter(q, type, status, year, urgency);
        var query = db.Directives.AsNoTracking().VisibleTo(db, viewer).Filter(filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.RankedNewestFirst(filter, db.Provider)
            .Skip((number - 1) * PageSize)
            .Take(PageSize)
            .Select(d => new Summary(d.Id, d.Number, d.DocumentType, d.Subject, d.IssuedOn, d.Status.ToString(), d.Urgency.ToString(), d.IssuerId, d.IssuerName))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new SummaryPage(items, number, PageSize, total));
    }

    private static async Task<Results<Ok<DirectiveDto>, NotFound>> GetAsync(Guid id, AppDbContext db, CurrentUser user, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var directive = await db.Directives.AsNoTracking()
            .VisibleTo(db, viewer)
            .WithContent()
            .Include(d => d.TaskAssignments)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (directive is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ETag(directive.Version);
        return TypedResults.Ok(DirectiveDto.From(directive, VietnamTime.Today(clock)));
    }

    /// <summary>The record copy (signed PDF) of a published directive; a draft or an older directive is rendered now.</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> PdfAsync(Guid id, CurrentUser user, Printing.RecordCopies copies, HttpContext http, CancellationToken cancellationToken)
    {
        var file = await copies.OpenAsync(await user.GetViewerAsync(cancellationToken), id, cancellationToken);
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        if (file.Sha256 is not null)
        {
            http.Response.Headers["X-Record-Copy-SHA256"] = file.Sha256;
        }

        return TypedResults.File(file.Content, Printing.RecordCopy.ContentType, file.FileName);
    }

    private static async Task<Results<Created<Created>, ValidationProblem>> CreateAsync(DirectiveForm form, DirectiveDrafts drafts, CancellationToken cancellationToken)
    {
        var result = await drafts.CreateAsync(form, cancellationToken);
        if (result.Failure == DraftFailure.Invalid)
        {
            return TypedResults.ValidationProblem(result.Errors.ToCamelCaseKeys(), title: "Dữ liệu không hợp lệ.");
        }

        return TypedResults.Created($"/api/directives/{result.Id}", new Created(result.Id!.Value, nameof(DirectiveStatus.Draft), result.Version));
    }

    /// <summary>Optional <c>If-Match: "version"</c> (the ETag of GET) turns another clerk's save in between into 409.</summary>
    private static async Task<Results<Ok<Created>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateAsync(Guid id, DirectiveForm form, DirectiveDrafts drafts, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await drafts.UpdateAsync(id, form, ReadIfMatch(http), cancellationToken);
        return result.Failure switch
        {
            DraftFailure.None => TypedResults.Ok(new Created(id, nameof(DirectiveStatus.Draft), result.Version)),
            DraftFailure.Invalid => TypedResults.ValidationProblem(result.Errors.ToCamelCaseKeys(), title: "Dữ liệu không hợp lệ."),
            DraftFailure.NotFound => TypedResults.NotFound(),
            DraftFailure.NotDraft => TypedResults.Problem("Văn bản đã ban hành không thể sửa.", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(
                "Dự thảo vừa được người khác sửa.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["changedFields"] = result.ChangedFields, ["version"] = result.Version }),
        };
    }

    private static async Task<Results<Ok<Published>, NotFound, ProblemHttpResult>> PublishAsync(
        Guid id, AppDbContext db, CurrentUser user, DirectivePublisher publisher, HttpContext http, CancellationToken cancellationToken)
    {
        var own = await db.Directives.AsNoTracking().AnyAsync(d => d.Id == id && d.IssuerId == user.OrganizationId, cancellationToken);
        if (!own)
        {
            return TypedResults.NotFound();
        }

        try
        {
            var actor = new Actor(user.Id, user.Email, user.OrganizationId, http.Connection.RemoteIpAddress?.ToString());
            var result = await publisher.PublishAsync(id, ReadIfMatch(http), actor, cancellationToken);
            return TypedResults.Ok(new Published(result.Id, result.Number, result.Sequence, result.IssuedOn, nameof(DirectiveStatus.Published)));
        }
        catch (DomainException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static int? ReadIfMatch(HttpContext http) =>
        int.TryParse(http.Request.Headers.IfMatch.ToString().Trim('"', 'W', '/'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
}
