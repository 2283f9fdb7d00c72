using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Formatting;
using DirectiveHub.Numbering;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Directives;

/// <summary>
/// Publishing cannot be undone (the number is issued for good and the directive goes out at once), so it is
/// confirmed on a page of its own that says what will happen: the number it should get, the units it goes to, and
/// the deadlines already past, which the clerk must confirm one by one as intended.
/// </summary>
public sealed class PublishModel(AppDbContext db, CurrentUser user, DirectivePublisher publisher, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Directive Directive { get; private set; } = null!;

    public string ExpectedNumber { get; private set; } = string.Empty;

    public IReadOnlyList<string> Units { get; private set; } = [];

    public IReadOnlyList<string> OtherRecipients { get; private set; } = [];

    public IReadOnlyList<DirectiveTask> PastDeadlines { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>What does not follow the format rules: shown before the number is issued, when it can still be fixed.</summary>
    public IReadOnlyList<FormatWarning> FormatWarnings { get; private set; } = [];

    /// <summary>Ticked when a deadline has passed and the clerk means it (a received directive registered late).</summary>
    [BindProperty]
    public bool ConfirmPastDeadlines { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) switch
        {
            null => NotFound(),
            false => RedirectToPage("./Details", new { id }),
            true => Page(),
        };

    public async Task<IActionResult> OnPostAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        switch (await LoadAsync(id, cancellationToken))
        {
            case null:
                return NotFound();
            case false:
                return RedirectToPage("./Details", new { id });
        }

        if (PastDeadlines.Count > 0 && !ConfirmPastDeadlines)
        {
            Error = localizer["ConfirmPastDeadlinesRequired"];
            ModelState.AddModelError(nameof(ConfirmPastDeadlines), Error);
            return Page();
        }

        try
        {
            var result = await publisher.PublishAsync(id, version, new Actor(user.Id, user.Email, user.OrganizationId, HttpContext.Connection.RemoteIpAddress?.ToString()), cancellationToken);
            TempData["Message"] = localizer["Published", result.Number].Value;
            return RedirectToPage("./Details", new { id });
        }
        catch (DomainException exception)
        {
            Error = exception.Message;
            return Page();
        }
    }

    /// <returns>Null when the caller may not publish it, false when it is no longer a draft.</returns>
    private async Task<bool?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var directive = await db.Directives.AsNoTracking()
            .WithContent()
            .SingleOrDefaultAsync(d => d.Id == id && d.IssuerId == user.OrganizationId, cancellationToken);
        if (directive is null)
        {
            return null;
        }

        if (!directive.IsDraft)
        {
            return false;
        }

        Directive = directive;
        Today = VietnamTime.Today(clock);
        var issuer = await db.Organizations.AsNoTracking().Include(o => o.Revisions).SingleAsync(o => o.Id == directive.IssuerId, cancellationToken);
        var sequence = await RegisterLookup.ExpectedSequenceAsync(db, issuer.Id, directive.DocumentType, RegisterLookup.IsConfidential(directive), Today, cancellationToken);
        ExpectedNumber = directive.ExpectedNumber(issuer, sequence, Today);

        var unitIds = directive.Recipients.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value)
            .Concat(directive.Tasks.SelectMany(t => t.ResponsibleUnits().Select(u => u.OrganizationId)))
            .Distinct()
            .ToList();
        Units = await db.Organizations.AsNoTracking().Where(o => unitIds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(cancellationToken);
        OtherRecipients = directive.Recipients.Where(r => r.OrganizationId is null).Select(r => r.Text).ToList();
        PastDeadlines = directive.TasksWithPastDeadline(Today);
        FormatWarnings = FormatCheck.Check(FormatInputs.FromDirective(directive, issuer.Kind, Today));
        return true;
    }
}
