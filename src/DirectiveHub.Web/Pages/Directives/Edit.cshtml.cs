using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Directives;
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
/// The draft editor. With scripts (wwwroot/js/editor.js) tasks are added, moved and removed in the page and units are
/// picked from a searchable tree; without them each of those buttons saves the draft as it stands (a draft may be
/// half written) and redirects back to the editor (post/redirect/get: nothing typed is lost, F5 posts nothing again).
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

    /// <summary>Names of the units the picker's groups stand under (each unit's parent), by id.</summary>
    public IReadOnlyDictionary<Guid, string> ParentNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>After a task operation without scripts: a blank task to add ("task") or a subtask to add under task n ("sub").</summary>
    [FromQuery(Name = "add")]
    public string? AddRow { get; set; }

    [FromQuery(Name = "under")]
    public int? AddUnder { get; set; }

    /// <summary>The saved draft's format check, read beside the form while it can still be fixed; null for a new draft.</summary>
    public IReadOnlyList<DirectiveHub.Formatting.FormatWarning>? FormatWarnings { get; private set; }

    /// <summary>The number of the directive this draft replaces ("Ban hành văn bản thay thế"), named in the heading.</summary>
    public string? Replaces { get; private set; }

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
            var kind = await db.Organizations.Where(o => o.Id == directive.IssuerId).Select(o => o.Kind).SingleAsync(cancellationToken);
            FormatWarnings = DirectiveHub.Formatting.FormatCheck.Check(DirectiveHub.Formatting.FormatInputs.FromDirective(directive, kind, DirectiveHub.Time.VietnamTime.Today(clock)));
            if (TempData["Message"] is string saved)
            {
                Status = saved;
            }

            if (string.Equals(AddRow, "task", StringComparison.Ordinal) || Input.Tasks.Count == 0)
            {
                Input.Tasks.Add(new TaskForm());
            }
            else if (string.Equals(AddRow, "sub", StringComparison.Ordinal) && AddUnder is { } under && Task(under) is { } parent)
            {
                parent.Subtasks.Add(new TaskForm());
            }
        }
        else
        {
            Input.Place = await db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => o.Place).SingleAsync(cancellationToken);
            Input.Tasks.Add(new TaskForm());
            await PrefillFromLastDirectiveAsync(cancellationToken);
        }

        return await ShowAsync(cancellationToken);
    }

    /// <summary>The format check of the form as typed, for the script that refreshes it beside the form; saves nothing.</summary>
    public async Task<IActionResult> OnPostFormatCheckAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id && await drafts.LoadOwnAsync(id, cancellationToken) is not { IsDraft: true })
        {
            return NotFound();
        }

        return Partial("_FormatWarnings", await drafts.FormatCheckAsync(Input, cancellationToken));
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        // A deadline typed as no date can be read is shown again in its field, never saved as "no deadline".
        if (ModelState.DateError() is not null)
        {
            Message = localizer["FixErrors"];
            return await ShowAsync(cancellationToken);
        }

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

    /// <summary>A confirmation after a save that came back to the editor (a task operation without scripts).</summary>
    public string? Status { get; private set; }

    public Task<IActionResult> OnPostAddTaskAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => { }, cancellationToken, add: "task");

    public Task<IActionResult> OnPostAddSubtaskAsync(int index, CancellationToken cancellationToken) =>
        ChangeAsync(() => { }, cancellationToken, add: "sub", under: index);

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

    /// <summary>
    /// The units in reach, grouped under their parent (groups in the tree's order, units by name within a group), so a
    /// list of communes reads as the tree does and the script's picker can search by unit or by parent.
    /// </summary>
    public IEnumerable<SelectListItem> OrganizationItems(bool includeEmpty)
    {
        var groups = new Dictionary<Guid, SelectListGroup>();
        var order = Scope.Select((o, i) => (o.ParentId, i)).Where(p => p.ParentId is not null).GroupBy(p => p.ParentId!.Value).ToDictionary(g => g.Key, g => g.Min(p => p.i));
        var vietnamese = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);
        var items = Scope
            .Where(o => o.ParentId is not null)
            .OrderBy(o => order[o.ParentId!.Value])
            .ThenBy(o => o.Name, vietnamese)
            .Select(o =>
            {
                var parentId = o.ParentId!.Value;
                if (!groups.TryGetValue(parentId, out var group))
                {
                    group = new SelectListGroup { Name = ParentNames.GetValueOrDefault(parentId, string.Empty) };
                    groups[parentId] = group;
                }

                return new SelectListItem(o.Name, o.Id.ToString()) { Group = group };
            })
            .ToList();
        return includeEmpty ? items.Prepend(new SelectListItem(localizer["None"], string.Empty)) : items;
    }

    /// <summary>The units directly under a committee, for the script's "all units under" (the same rule as <see cref="OnPostAddSubtreeAsync"/>).</summary>
    public string ChildrenOf(Guid committeeId) =>
        string.Join(' ', Scope.Where(o => o.ParentId == committeeId).Select(o => o.Id));

    public IEnumerable<SelectListItem> CommitteeItems() =>
        Scope.Where(o => Scope.Any(child => child.ParentId == o.Id))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .Prepend(new SelectListItem(localizer["OwnUnits"], user.OrganizationId.ToString()));

    private TaskForm? Task(int index) => index >= 0 && index < Input.Tasks.Count ? Input.Tasks[index] : null;

    /// <summary>
    /// A task operation without scripts: the change is applied, the draft saved as it stands and the browser
    /// redirected to the editor (PRG), which adds the blank row asked for. A save that fails (a field too long, another
    /// clerk's save) shows the editor with everything typed, as the save button does.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Action change, CancellationToken cancellationToken, string? add = null, int? under = null)
    {
        change();

        // The lists were re-indexed: posted values in ModelState would otherwise be shown against the wrong rows.
        ModelState.Clear();
        var result = Id is { } id
            ? await drafts.UpdateAsync(id, Input, Version, cancellationToken)
            : await drafts.CreateAsync(Input, cancellationToken);
        switch (result.Failure)
        {
            case DraftFailure.None:
                TempData["Message"] = localizer["DraftSaved"].Value;
                var fragment = add switch
                {
                    "task" => "task-" + Input.Tasks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "sub" => "task-" + under?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => "tasks",
                };
                return RedirectToPage("./Edit", null, new { id = result.Id, add, under }, fragment);
            case DraftFailure.NotFound:
                return NotFound();
            case DraftFailure.NotDraft:
                return RedirectToPage("./Details", new { id = Id });
            case DraftFailure.Conflict:
                ConflictFields = result.ChangedFields.Select(f => localizer["Field" + f].Value).ToList();
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
    /// A new draft starts with the signature block and the file copy ("Lưu: …") of the unit's last directive: the
    /// same person usually signs, and the office keeps its copy in the same place. A unit with no earlier directive
    /// starts with its office's file copy (<see cref="FileCopy.DefaultFor"/>).
    /// </summary>
    private async Task PrefillFromLastDirectiveAsync(CancellationToken cancellationToken)
    {
        var last = await LastSigning.OfAsync(db, user.OrganizationId, cancellationToken);
        if (last is not { FileCopies.Count: > 0 })
        {
            var unit = await db.Organizations.AsNoTracking().Where(o => o.Id == user.OrganizationId).Select(o => new { o.Kind, o.SymbolCode }).SingleAsync(cancellationToken);
            var kept = FileCopy.DefaultFor(unit.Kind, unit.SymbolCode);
            Input.Distribution = [new DistributionForm { Text = kept.Text, Purpose = kept.Purpose }];
        }

        if (last is null)
        {
            return;
        }

        Input.Signer = new SignerForm
        {
            Authority = last.Signer.Authority.ToPrinted(),
            Body = last.Signer.Body,
            Position = last.Signer.Position,
            Name = last.Signer.Name ?? string.Empty,
        };
        if (last.FileCopies.Count > 0)
        {
            Input.Distribution = last.FileCopies.Select(e => new DistributionForm { Text = e.Text, Purpose = e.Purpose }).ToList();
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (Id is { } draftId)
        {
            Replaces = await db.Directives.AsNoTracking()
                .Where(d => d.Id == draftId && d.SupersedesId != null)
                .Join(db.Directives, d => d.SupersedesId, earlier => (Guid?)earlier.Id, (d, earlier) => earlier.Number)
                .FirstOrDefaultAsync(cancellationToken);
        }

        Scope = await drafts.RecipientScopeAsync(user.OrganizationId, cancellationToken);
        var parentIds = Scope.Where(o => o.ParentId is not null).Select(o => o.ParentId!.Value).Distinct().ToList();
        ParentNames = await db.Organizations.AsNoTracking().Where(o => parentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
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
