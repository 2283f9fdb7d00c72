using DirectiveHub.Directives;
using DirectiveHub.Time;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Account;

/// <summary>"X thay Y": the user names a colleague of their unit to act for them while away, and ends it when back.</summary>
public sealed class SubstituteModel(Substitutes substitutes, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<Substitutes.Line> Lines { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Candidates { get; private set; } = [];

    public Guid UserId => user.Id;

    [BindProperty]
    public Guid? SubstituteUserId { get; set; }

    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public DateOnly? To { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    /// <summary>The field the error is about, so the form marks it.</summary>
    public string? ErrorField { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        From ??= VietnamTime.Today(clock);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostNameAsync(CancellationToken cancellationToken)
    {
        if (SubstituteUserId is not { } substitute || From is not { } from || To is not { } to)
        {
            (Error, ErrorField) = (ModelState.DateError() ?? localizer["FixErrors"], SubstituteUserId is null ? "substituteUserId" : From is null ? "from" : "to");
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            await substitutes.NameAsync(Actor(), substitute, from, to, cancellationToken);
        }
        catch (DomainException rule)
        {
            (Error, ErrorField) = (rule.Message, rule.Field);
            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = localizer["SubstituteNamedMessage"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            if (!await substitutes.EndAsync(Actor(), id, cancellationToken))
            {
                return NotFound();
            }
        }
        catch (DomainException rule)
        {
            Error = rule.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = localizer["SubstituteEndedMessage"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Lines = await substitutes.ListAsync(user.Id, cancellationToken);
        Candidates = await substitutes.CandidatesAsync(user.Id, user.OrganizationId, cancellationToken);
    }

    private Actor Actor() => new(user.Id, user.Email, user.OrganizationId, HttpContext.Connection.RemoteIpAddress?.ToString());
}
