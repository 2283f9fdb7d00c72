using DirectiveHub.Access;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Storage;
using DirectiveHub.Web.Features.Directives;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Directives;

/// <summary>Everything about one directive: its content, links, audit history, and publishing for drafts.</summary>
public sealed class DetailsModel(AppDbContext db, CurrentUser user, AuditTrail audit, TimeProvider clock, IFileStore store, AttachmentIntake intake, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Directive Directive { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> OrganizationNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<LinkedDirective> References { get; private set; } = [];

    public IReadOnlyList<LinkedDirective> ImplementedBy { get; private set; } = [];

    public LinkedDirective? Supersedes { get; private set; }

    public LinkedDirective? SupersededBy { get; private set; }

    public IReadOnlyList<AuditRow> History { get; private set; } = [];

    public bool IsOwn => Directive.IssuerId == user.OrganizationId;

    public DateOnly Today => DirectiveHub.Time.VietnamTime.Today(clock);

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Starts a correction: a new draft with this directive's content that supersedes it when published.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !IsOwn)
        {
            return NotFound();
        }

        var earlier = await db.Directives.SingleAsync(d => d.Id == id, cancellationToken);
        var names = Directive.Recipients.Where(r => r.OrganizationId is not null).ToDictionary(r => r.OrganizationId!.Value, r => r.Text);
        var content = DirectiveForm.From(Directive).ToContent(names) with { Subject = Directive.Subject };
        var correction = new Directive(user.OrganizationId, content, user.Id, clock.GetUtcNow().UtcDateTime);
        try
        {
            correction.Supersede(earlier);
        }
        catch (DomainException exception)
        {
            Error = exception.Message;
            return Page();
        }

        db.Directives.Add(correction);
        audit.Record(AuditActions.Created, nameof(Directive), correction.Id.ToString(), new { Supersedes = earlier.Number });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("./Edit", new { id = correction.Id });
    }

    /// <summary>Adds a file to a draft: its type is read from its content, its size is limited, and it is stored outside the web root.</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !IsOwn)
        {
            return NotFound();
        }

        if (!Directive.IsDraft)
        {
            Error = localizer["AttachmentOnlyDraft"];
            return Page();
        }

        if (file is null || file.Length == 0)
        {
            Error = localizer["AttachmentRequired"];
            return Page();
        }

        if (file.Length > intake.MaxBytes)
        {
            Error = localizer["AttachmentTooLarge", intake.MaxBytes / (1024 * 1024)];
            return Page();
        }

        await using var upload = new MemoryStream();
        await file.CopyToAsync(upload, cancellationToken);
        Attachment attachment;
        try
        {
            attachment = await intake.StoreAsync(upload.ToArray(), file.FileName, "tep", cancellationToken);
        }
        catch (DomainException)
        {
            Error = localizer["AttachmentType"];
            return Page();
        }

        var name = attachment.FileName;
        var directive = await db.Directives.Include(d => d.Attachments).SingleAsync(d => d.Id == id, cancellationToken);
        directive.AddAttachment(attachment);
        audit.Record(AuditActions.Updated, nameof(Directive), id.ToString(), new { Attached = name });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await intake.DiscardAsync(attachment);
            throw;
        }

        Message = localizer["AttachmentAdded", name].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !IsOwn || !Directive.IsDraft)
        {
            return NotFound();
        }

        var directive = await db.Directives.Include(d => d.Attachments).SingleAsync(d => d.Id == id, cancellationToken);
        var attachment = directive.Attachments.SingleOrDefault(a => a.Id == attachmentId);
        if (attachment is null)
        {
            return NotFound();
        }

        directive.RemoveAttachment(attachmentId);
        audit.Record(AuditActions.Updated, nameof(Directive), id.ToString(), new { Removed = attachment.FileName });
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteAsync(attachment.StorageKey, CancellationToken.None);
        return RedirectToPage(new { id });
    }

    /// <summary>Starts an amendment: a new draft that cites this directive (linked both ways) and leaves it in force.</summary>
    public async Task<IActionResult> OnPostAmendAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !IsOwn || Directive.Status != DirectiveStatus.Published)
        {
            return NotFound();
        }

        var names = Directive.Recipients.Where(r => r.OrganizationId is not null).ToDictionary(r => r.OrganizationId!.Value, r => r.Text);
        var form = DirectiveForm.From(Directive);
        form.Subject = localizer["AmendSubject", Directive.Number ?? string.Empty];
        form.References = [new ReferenceForm { DirectiveId = Directive.Id, Number = Directive.Number }];
        var amendment = new Directive(user.OrganizationId, form.ToContent(names), user.Id, clock.GetUtcNow().UtcDateTime);
        db.Directives.Add(amendment);
        audit.Record(AuditActions.Created, nameof(Directive), amendment.Id.ToString(), new { Amends = Directive.Number });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("./Edit", new { id = amendment.Id });
    }

    public string NameOf(Guid? organizationId) =>
        organizationId is { } id && OrganizationNames.TryGetValue(id, out var name) ? name : string.Empty;

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var visible = db.Directives.AsNoTracking().VisibleTo(db, viewer);
        var directive = await visible
            .WithContent()
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (directive is null)
        {
            return false;
        }

        Directive = directive;
        var organizationIds = directive.Tasks
            .SelectMany(t => t.Coordinators.Select(c => c.OrganizationId).Append(t.LeadOrganizationId ?? Guid.Empty))
            .Where(g => g != Guid.Empty)
            .Distinct()
            .ToList();
        OrganizationNames = await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var referencedIds = directive.References.Where(r => r.ReferencedDirectiveId is not null).Select(r => r.ReferencedDirectiveId!.Value).ToList();
        var linked = await visible
            .Where(d => referencedIds.Contains(d.Id) || d.Id == directive.SupersedesId || d.SupersedesId == directive.Id
                || d.References.Any(r => r.ReferencedDirectiveId == directive.Id))
            .Where(d => d.Status != DirectiveStatus.Draft)
            .Select(d => new { Link = new LinkedDirective(d.Id, d.Number, d.Subject, d.IssuerName, d.IssuedOn), d.SupersedesId, Cites = d.References.Any(r => r.ReferencedDirectiveId == directive.Id) })
            .ToListAsync(cancellationToken);
        References = directive.References.OrderBy(r => r.Position)
            .Select(r => linked.FirstOrDefault(l => l.Link.Id == r.ReferencedDirectiveId)?.Link ?? new LinkedDirective(null, r.Number, null, null, null))
            .ToList();
        Supersedes = linked.FirstOrDefault(l => l.Link.Id == directive.SupersedesId)?.Link;
        SupersededBy = linked.FirstOrDefault(l => l.SupersedesId == directive.Id)?.Link;
        ImplementedBy = linked.Where(l => l.Cites).Select(l => l.Link).ToList();

        History = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(Directive) && e.EntityId == id.ToString())
            .OrderBy(e => e.OccurredAt)
            // The person's name, as people know them; the sign-in name only for accounts without one (or deleted).
            .Select(e => new AuditRow(e.OccurredAt, e.Action, db.Users.Where(u => u.Id == e.UserId && u.FullName != "").Select(u => u.FullName).FirstOrDefault() ?? e.UserName, e.Details, e.OnBehalfOfName))
            .ToListAsync(cancellationToken);
        return true;
    }

    /// <summary>What a whole-task cancellation says in the history: which task and why.</summary>
    public string? HistoryNote(AuditRow row)
    {
        if (row.Action != AuditActions.TaskCancelled || row.Details is null)
        {
            return null;
        }

        try
        {
            using var details = System.Text.Json.JsonDocument.Parse(row.Details);
            var root = details.RootElement;
            return localizer["TaskCancelledHistory", root.TryGetProperty("Task", out var task) ? task.ToString() : "", root.TryGetProperty("Reason", out var reason) ? reason.ToString() : ""].Value;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public sealed record LinkedDirective(Guid? Id, string? Number, string? Subject, string? IssuerName, DateOnly? IssuedOn);

    /// <param name="OnBehalfOf">The absent user the actor stood in for ("X thay Y"), as the audit log records it.</param>
    public sealed record AuditRow(DateTime At, string Action, string? UserName, string? Details, string? OnBehalfOf = null);
}
