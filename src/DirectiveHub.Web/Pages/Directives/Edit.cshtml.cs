using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Organizations;
using DirectiveHub.Web.Features.Directives;
using DirectiveHub.Web.Features.Import;
using DirectiveHub.Web.Infrastructure;
using DirectiveHub.Web.Pages.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Directives;

/// <summary>
/// The draft editor. Adding, moving and removing tasks are form posts that re-render the page with everything typed
/// so far, so the editor works without scripts and nothing is ever lost between steps.
/// </summary>
public sealed class EditModel(AppDbContext db, CurrentUser user, DirectiveDrafts drafts, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : PageModel
{
    /// <summary>Today in Vietnam: a deadline before it is flagged beside its field.</summary>
    public DateOnly Today => DirectiveHub.Time.VietnamTime.Today(clock);

    [BindProperty]
    public DirectiveForm Input { get; set; } = new();

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public Guid? SubtreeOrganizationId { get; set; }

    [FromRoute]
    public Guid? Id { get; set; }

    public IReadOnlyList<OrganizationOption> Scope { get; private set; } = [];

    /// <summary>Numbers of published directives the clerk may cite, offered while typing a reference.</summary>
    public IReadOnlyList<(string Number, string Subject)> Citable { get; private set; } = [];

    public IReadOnlyList<string> ConflictFields { get; private set; } = [];

    /// <summary>What the importer was unsure of: its warnings, and the fields to check (highlighted).</summary>
    public IReadOnlyList<string> ImportWarnings { get; private set; } = [];

    public IReadOnlySet<string> UnsureFields { get; private set; } = new HashSet<string>();

    public string Unsure(string field) => UnsureFields.Contains(field) ? "field-unsure" : string.Empty;

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var directive = await drafts.LoadOwnAsync(id, cancellationToken);
            if (directive is null)
            {
                return NotFound();
            }

            if (!directive.IsDraft)
            {
                return RedirectToPage("./Details", new { id });
            }

            Input = DirectiveForm.From(directive);
            Version = directive.Version;
        }
        else
        {
            Input.Place = await db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => o.Place).SingleAsync(cancellationToken);
            Input.Tasks.Add(new TaskForm());
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var result = Id is { } id
            ? await drafts.UpdateAsync(id, Input, Version, cancellationToken)
            : await drafts.CreateAsync(Input, cancellationToken);
        switch (result.Failure)
        {
            case DraftFailure.None:
                TempData["Message"] = localizer["DraftSaved"].Value;
                return RedirectToPage("./Details", new { id = result.Id });
            case DraftFailure.NotFound:
                return NotFound();
            case DraftFailure.NotDraft:
                return RedirectToPage("./Details", new { id = Id });
            case DraftFailure.Conflict:
                // Keep what this clerk typed; show what differs from the saved draft and take its version for a deliberate overwrite.
                ConflictFields = result.ChangedFields.Select(f => localizer["Field" + f].Value).ToList();
                ModelState.Remove(nameof(Version));
                Version = result.Version;
                Message = localizer["DraftConflict"];
                return await ShowAsync(cancellationToken);
            default:
                result.Errors.AddToModelState(ModelState, nameof(Input));
                Message = localizer["FixErrors"];
                return await ShowAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Opens the editor prefilled from a pasted text or an uploaded .docx ("Nhập từ văn bản"). Nothing is saved until
    /// the clerk saves.
    /// </summary>
    public async Task<IActionResult> OnPostImportAsync(string? importText, IFormFile? importFile, CancellationToken cancellationToken)
    {
        var imported = await ImportSource.ReadAsync(HttpContext, importText, importFile, cancellationToken);
        if (imported?.Text is not { } text)
        {
            TempData["ImportError"] = imported?.Error ?? localizer["ImportNothing"].Value;
            return RedirectToPage("/Import/Index");
        }

        var parsed = DirectiveHub.Import.DirectiveTextParser.Parse(text);
        Scope = await drafts.RecipientScopeAsync(user.OrganizationId, cancellationToken);
        var units = Scope.Select(o => (o.Id, Name: DirectiveHub.Text.VietnameseText.Fold(o.Name))).ToList();
        var content = DirectiveHub.Import.ParsedDirectiveContent.ToContent(parsed, line =>
        {
            var folded = DirectiveHub.Text.VietnameseText.Fold(line);
            var matches = units.Where(u => u.Name == folded || folded.Contains(u.Name, StringComparison.Ordinal)).ToList();
            return matches.Count == 1 ? matches[0].Id : null;
        });
        Input = DirectiveForm.FromContent(content);
        if (Input.Tasks.Count == 0)
        {
            Input.Tasks.Add(new TaskForm());
        }

        ImportWarnings = ImportSource.OcrNote(imported) is { } ocrNote ? [ocrNote, .. parsed.Warnings] : parsed.Warnings;
        var unsure = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, doubtful) in ImportSource.DoubtfulFields(imported, parsed))
        {
            if (doubtful)
            {
                unsure.Add(field);
            }
        }

        void Flag(bool condition, string field)
        {
            if (condition)
            {
                unsure.Add(field);
            }
        }

        Flag(!DirectiveHub.Directives.DocumentType.IsKnown(parsed.DocumentType), "DocumentType");
        Flag(parsed.Subject is null, "Subject");
        Flag(parsed.Place is null, "Place");
        Flag(Input.RecipientOrganizationIds.Count == 0 || Input.OtherRecipients.Count > 0, "Recipients");
        Flag(parsed.Tasks.Count == 0, "Tasks");
        Flag(parsed.Signer.Name is null, "Signer");
        Flag(parsed.Distribution.Count == 0, "Distribution");
        UnsureFields = unsure;
        Message = localizer["ImportReview"];
        ModelState.Clear();
        return await ShowAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAddTaskAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => Input.Tasks.Add(new TaskForm()), cancellationToken);

    public Task<IActionResult> OnPostAddSubtaskAsync(int index, CancellationToken cancellationToken) =>
        ChangeAsync(() => Task(index)?.Subtasks.Add(new TaskForm()), cancellationToken);

    public Task<IActionResult> OnPostRemoveTaskAsync(int index, int? sub, CancellationToken cancellationToken) =>
        ChangeAsync(
            () =>
            {
                if (sub is { } s && Task(index) is { } parent && s >= 0 && s < parent.Subtasks.Count)
                {
                    parent.Subtasks.RemoveAt(s);
                }
                else if (sub is null && Task(index) is not null)
                {
                    Input.Tasks.RemoveAt(index);
                }
            },
            cancellationToken);

    public Task<IActionResult> OnPostMoveTaskAsync(int index, int delta, CancellationToken cancellationToken) =>
        ChangeAsync(
            () =>
            {
                var target = index + delta;
                if (Task(index) is { } task && target >= 0 && target < Input.Tasks.Count)
                {
                    Input.Tasks.RemoveAt(index);
                    Input.Tasks.Insert(target, task);
                }
            },
            cancellationToken);

    /// <summary>"All units under X": adds every active unit directly under X to the recipients.</summary>
    public async Task<IActionResult> OnPostAddSubtreeAsync(CancellationToken cancellationToken)
    {
        var scope = await drafts.RecipientScopeAsync(user.OrganizationId, cancellationToken);
        var children = scope.Where(o => o.ParentId == SubtreeOrganizationId).Select(o => o.Id);
        return await ChangeAsync(() => Input.RecipientOrganizationIds = Input.RecipientOrganizationIds.Concat(children).Distinct().ToList(), cancellationToken);
    }

    public IEnumerable<SelectListItem> OrganizationItems(bool includeEmpty)
    {
        var top = Scope.Count == 0 ? 0 : Scope.Min(o => o.Depth);
        var items = Scope.Select(o => new SelectListItem(new string('\u2003', o.Depth - top) + o.Name, o.Id.ToString()));
        return includeEmpty ? items.Prepend(new SelectListItem(localizer["None"], string.Empty)) : items;
    }

    public IEnumerable<SelectListItem> CommitteeItems() =>
        Scope.Where(o => Scope.Any(child => child.ParentId == o.Id))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .Prepend(new SelectListItem(localizer["OwnUnits"], user.OrganizationId.ToString()));

    private TaskForm? Task(int index) => index >= 0 && index < Input.Tasks.Count ? Input.Tasks[index] : null;

    private async Task<IActionResult> ChangeAsync(Action change, CancellationToken cancellationToken)
    {
        change();

        // The lists were re-indexed: posted values in ModelState would otherwise be shown against the wrong rows.
        ModelState.Clear();
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Scope = await drafts.RecipientScopeAsync(user.OrganizationId, cancellationToken);
        var viewer = await user.GetViewerAsync(cancellationToken);
        Citable = (await db.Directives.AsNoTracking().VisibleTo(db, viewer)
                .Where(d => d.Status != DirectiveHub.Directives.DirectiveStatus.Draft && d.Number != null)
                .OrderByDescending(d => d.IssuedOn).Take(300)
                .Select(d => new { d.Number, d.Subject }).ToListAsync(cancellationToken))
            .Select(d => (d.Number!, d.Subject)).ToList();
        var issuer = await db.Organizations.AsNoTracking().Where(o => o.Id == user.OrganizationId).Select(o => new { o.Kind, o.ParentId }).SingleAsync(cancellationToken);
        if (issuer.Kind is OrganizationKind.CommitteeBoard && issuer.ParentId is not null && SubtreeOrganizationId is null)
        {
            SubtreeOrganizationId = issuer.ParentId;
        }

        return Page();
    }
}
