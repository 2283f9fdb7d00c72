using DirectiveHub.Access;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Formatting;
using DirectiveHub.Organizations;
using DirectiveHub.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Features.Directives;

public enum DraftFailure
{
    None,
    Invalid,
    NotFound,
    NotDraft,
    Conflict,
}

/// <summary>The outcome of saving a draft: its id, or what stopped it (errors by field, or the fields another clerk changed).</summary>
public sealed record DraftResult(Guid? Id, int Version, DraftFailure Failure, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<string> ChangedFields)
{
    public static DraftResult Saved(Guid id, int version) => new(id, version, DraftFailure.None, new Dictionary<string, string[]>(), []);

    public static DraftResult Failed(DraftFailure failure) => new(null, 0, failure, new Dictionary<string, string[]>(), []);

    public static DraftResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, 0, DraftFailure.Invalid, errors, []);
}

public sealed record OrganizationOption(Guid Id, string Name, OrganizationKind Kind, Guid? ParentId, int Depth, string? Place = null);

/// <summary>
/// Creating and changing drafts, shared by the editor page and the API so both apply the same rules: the form's shape
/// (<see cref="DirectiveFormValidator"/>), the units it names lying within the issuer's committee, and optimistic
/// concurrency between clerks.
/// </summary>
public sealed class DirectiveDrafts(
    AppDbContext db,
    CurrentUser user,
    AuditTrail audit,
    TimeProvider clock,
    IValidator<DirectiveForm> validator,
    IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The units a directive of <paramref name="issuerId"/> may be addressed to (<see cref="RecipientScope"/>), for the editor's picker.</summary>
    public async Task<IReadOnlyList<OrganizationOption>> RecipientScopeAsync(Guid issuerId, CancellationToken cancellationToken) =>
        await (await RecipientScope.OfAsync(db, issuerId, cancellationToken))
            .OrderBy(o => o.Path)
            .Select(o => new OrganizationOption(o.Id, o.Name, o.Kind, o.ParentId, o.Depth, o.Place))
            .ToListAsync(cancellationToken);

    public async Task<DraftResult> CreateAsync(DirectiveForm form, CancellationToken cancellationToken)
    {
        var checkedForm = await CheckAsync(form.Trimmed(), cancellationToken);
        if (checkedForm.Errors is { } errors)
        {
            return DraftResult.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var directive = new Directive(user.OrganizationId, form.ToContent(checkedForm.Names), user.Id, now);
        db.Directives.Add(directive);
        audit.Record(AuditActions.Created, nameof(Directive), directive.Id.ToString(), new { directive.DocumentType, directive.Subject });
        await db.SaveChangesAsync(cancellationToken);
        return DraftResult.Saved(directive.Id, directive.Version);
    }

    /// <param name="expectedVersion">The version the clerk started from; another clerk's save since then is a conflict.</param>
    public async Task<DraftResult> UpdateAsync(Guid id, DirectiveForm form, int? expectedVersion, CancellationToken cancellationToken)
    {
        var directive = await LoadOwnAsync(id, cancellationToken);
        if (directive is null)
        {
            return DraftResult.Failed(DraftFailure.NotFound);
        }

        if (!directive.IsDraft)
        {
            return DraftResult.Failed(DraftFailure.NotDraft);
        }

        var checkedForm = await CheckAsync(form.Trimmed(), cancellationToken);
        if (checkedForm.Errors is { } errors)
        {
            return DraftResult.Invalid(errors);
        }

        if (expectedVersion is { } version && version != directive.Version)
        {
            return new DraftResult(id, directive.Version, DraftFailure.Conflict, new Dictionary<string, string[]>(), ChangedFields(form, DirectiveForm.From(directive)));
        }

        directive.UpdateDraft(form.ToContent(checkedForm.Names), clock.GetUtcNow().UtcDateTime);
        audit.Record(AuditActions.Updated, nameof(Directive), directive.Id.ToString(), new { directive.Subject });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await LoadOwnAsync(id, cancellationToken);
            return current is null
                ? DraftResult.Failed(DraftFailure.NotFound)
                : new DraftResult(id, current.Version, DraftFailure.Conflict, new Dictionary<string, string[]>(), ChangedFields(form, DirectiveForm.From(current)));
        }

        return DraftResult.Saved(directive.Id, directive.Version);
    }

    /// <summary>
    /// The format check of the form as it stands, whether or not it would save: the editor shows it while the clerk
    /// types. Recipients are not read by any rule, so their names are not looked up.
    /// </summary>
    public async Task<IReadOnlyList<FormatWarning>> FormatCheckAsync(DirectiveForm form, CancellationToken cancellationToken)
    {
        var trimmed = form.Trimmed();
        if (!DocumentType.IsKnown(trimmed.DocumentType))
        {
            return [];
        }

        var draft = new Directive(user.OrganizationId, trimmed.ToContent(new Dictionary<Guid, string>()), user.Id, clock.GetUtcNow().UtcDateTime);
        var kind = await db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => o.Kind).SingleAsync(cancellationToken);
        return FormatCheck.Check(FormatInputs.FromDirective(draft, kind, Time.VietnamTime.Today(clock)));
    }

    /// <summary>A directive of the caller's own organization, loaded whole for editing.</summary>
    public Task<Directive?> LoadOwnAsync(Guid id, CancellationToken cancellationToken) =>
        db.Directives
            .WithContent()
            .SingleOrDefaultAsync(d => d.Id == id && d.IssuerId == user.OrganizationId, cancellationToken);

    private async Task<(Dictionary<string, string[]>? Errors, IReadOnlyDictionary<Guid, string> Names)> CheckAsync(DirectiveForm form, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        var errors = validation.IsValid ? new Dictionary<string, string[]>(StringComparer.Ordinal) : validation.ToErrors();

        // A recipient line names the unit as running text does ("Đảng ủy xã Sài Sơn"), not as its header ("ĐẢNG ỦY XÃ SÀI SƠN").
        var scope = (await RecipientScopeAsync(user.OrganizationId, cancellationToken)).ToDictionary(o => o.Id, o => RecipientName.Of(o.Name, o.Place));
        if (form.OrganizationIds().Any(id => !scope.ContainsKey(id)))
        {
            errors.TryAdd(nameof(DirectiveForm.RecipientOrganizationIds), [localizer["ValUnknownOrganization"]]);
        }

        // A typed number that names a directive in the system becomes a link to it.
        var viewer = await user.GetViewerAsync(cancellationToken);
        var typed = form.References.Where(r => r.DirectiveId is null && !string.IsNullOrWhiteSpace(r.Number)).Select(r => r.Number!.Trim()).Distinct().ToList();
        if (typed.Count > 0)
        {
            var known = await db.Directives.VisibleTo(db, viewer)
                .Where(d => d.Number != null && typed.Contains(d.Number) && d.Status != DirectiveStatus.Draft)
                .Select(d => new { d.Id, d.Number })
                .ToListAsync(cancellationToken);
            foreach (var reference in form.References.Where(r => r.DirectiveId is null && r.Number is not null))
            {
                var matches = known.Where(k => k.Number == reference.Number!.Trim()).ToList();
                if (matches.Count == 1)
                {
                    reference.DirectiveId = matches[0].Id;
                }
            }
        }

        var referenced = form.References.Where(r => r.DirectiveId is not null).Select(r => r.DirectiveId!.Value).Distinct().ToList();
        if (referenced.Count > 0)
        {
            var visible = await db.Directives.VisibleTo(db, viewer).CountAsync(d => referenced.Contains(d.Id) && d.Status != DirectiveStatus.Draft, cancellationToken);
            if (visible != referenced.Count)
            {
                errors.TryAdd(nameof(DirectiveForm.References), [localizer["ValUnknownReference"]]);
            }
        }

        return (errors.Count == 0 ? null : errors, scope);
    }

    private static List<string> ChangedFields(DirectiveForm mine, DirectiveForm theirs)
    {
        var changed = new List<string>();
        void Compare(string name, object? a, object? b)
        {
            if (!Equals(a, b))
            {
                changed.Add(name);
            }
        }

        Compare("Subject", mine.Subject.Trim(), theirs.Subject);
        Compare("DocumentType", mine.DocumentType, theirs.DocumentType);
        Compare("Place", string.IsNullOrWhiteSpace(mine.Place) ? null : mine.Place.Trim(), theirs.Place);
        Compare("Urgency", mine.Urgency, theirs.Urgency);
        Compare("Confidentiality", mine.Confidentiality, theirs.Confidentiality);
        Compare("Preamble", string.IsNullOrWhiteSpace(mine.Preamble) ? null : mine.Preamble.Trim(), theirs.Preamble);
        Compare("Recipients", string.Join(',', mine.RecipientOrganizationIds), string.Join(',', theirs.RecipientOrganizationIds));
        Compare("Tasks", string.Join('|', mine.Tasks.Select(t => t.Text.Trim() + t.Deadline + t.DeadlineAfterReceipt?.Days)), string.Join('|', theirs.Tasks.Select(t => t.Text + t.Deadline + t.DeadlineAfterReceipt?.Days)));
        Compare("Signer", mine.Signer.Name.Trim(), theirs.Signer.Name);
        return changed;
    }
}
