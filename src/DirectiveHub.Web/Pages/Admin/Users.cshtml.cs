using DirectiveHub.Access;
using DirectiveHub.Data;
using DirectiveHub.Users;
using DirectiveHub.Web.Features.Admin;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Admin;

/// <summary>People of the administrator's subtree: list with filters, invite, unit and roles, lock, deactivate, resets.</summary>
public sealed class UsersModel(
    AppDbContext db,
    CurrentUser user,
    UserAdministration administration,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int PageSize = 500;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    /// <summary>The user whose unit and roles are being changed, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    /// <summary>The user whose deactivation is being confirmed, if any (the row's button asks first, saying what will happen).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? ConfirmDeactivate { get; set; }

    [BindProperty]
    public UserInput Invite { get; set; } = new();

    public UserRow? Editing { get; private set; }

    public UserRow? Deactivating { get; private set; }

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public bool Truncated { get; private set; }

    public IReadOnlyList<(Guid Id, string Name, int Depth)> Units { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var outcome = await administration.InviteAsync(await user.GetViewerAsync(cancellationToken), Invite, Link, cancellationToken);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors;
            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = localizer["Invited", outcome.User!.Email!].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, Guid organizationId, List<string> roles, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var target = await administration.FindAsync(viewer, id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        var outcome = await administration.UpdateAsync(viewer, target, organizationId, roles, cancellationToken);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors;
            Edit = id;
            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = localizer["UserUpdated", target.Email!].Value;
        return RedirectToPage(new { Q, Role, Unit });
    }

    public async Task<IActionResult> OnPostLockAsync(Guid id, bool locked, CancellationToken cancellationToken) =>
        await ChangeAsync(id, async target =>
        {
            await administration.SetLockedAsync(target, locked, cancellationToken);
            return localizer[locked ? "UserLockedMessage" : "UserUnlockedMessage", target.Email!].Value;
        }, cancellationToken);

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, async target =>
        {
            await administration.SetDeactivatedAsync(target, true, cancellationToken);
            return localizer["UserDeactivatedMessage", target.Email!].Value;
        }, cancellationToken);

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, async target =>
        {
            await administration.SetDeactivatedAsync(target, false, cancellationToken);
            return localizer["UserReactivatedMessage", target.Email!].Value;
        }, cancellationToken);

    public async Task<IActionResult> OnPostResetAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, async target =>
        {
            await administration.SendLinkAsync(target, Link, cancellationToken);
            return localizer["ResetSent", target.Email!].Value;
        }, cancellationToken);

    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, async target =>
        {
            await administration.ResetTwoFactorAsync(target, cancellationToken);
            return localizer["TwoFactorResetDone", target.Email!].Value;
        }, cancellationToken);

    public async Task<IActionResult> OnPostEndSessionsAsync(Guid id, [FromServices] AccountSessions sessions, [FromServices] AuditTrail audit, CancellationToken cancellationToken) =>
        await ChangeAsync(id, async target =>
        {
            await sessions.EndAllAsync(target, cancellationToken);
            audit.Record(DirectiveHub.Auditing.AuditActions.SessionsEnded, nameof(AppUser), target.Id.ToString(), new { By = "administrator" });
            await db.SaveChangesAsync(cancellationToken);
            return localizer["SessionsEndedFor", target.Email!].Value;
        }, cancellationToken);

    /// <summary>Changes a user of the subtree (404 for anyone else's); an administrator cannot lock or deactivate themselves.</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, Func<AppUser, Task<string?>> change, CancellationToken cancellationToken)
    {
        var target = await administration.FindAsync(await user.GetViewerAsync(cancellationToken), id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        if (target.Id == user.Id)
        {
            Errors = new Dictionary<string, string[]> { [string.Empty] = [localizer["CannotChangeSelf"]] };
            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = await change(target);
        return RedirectToPage(new { Q, Role, Unit });
    }

    private string Link(AppUser target, string token) =>
        Url.Page("/Account/SetPassword", null, new { userId = target.Id, token }, Request.Scheme, Request.Host.Value)!;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var units = await db.Organizations.VisibleTo(viewer).Where(o => o.DissolvedOn == null).OrderBy(o => o.Path)
            .Select(o => new { o.Id, o.Name, o.Depth }).ToListAsync(cancellationToken);
        var top = units.Count == 0 ? 0 : units.Min(o => o.Depth);
        Units = units.Select(o => (o.Id, o.Name, o.Depth - top)).ToList();
        var rows = await administration.Query(viewer, Q, Role, Unit).Take(PageSize + 1).ToListAsync(cancellationToken);
        Truncated = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        if (Edit is { } edit)
        {
            Editing = await administration.Query(viewer, null, null, null).Where(u => u.Id == edit).SingleOrDefaultAsync(cancellationToken);
        }

        if (ConfirmDeactivate is { } deactivate)
        {
            Deactivating = await administration.Query(viewer, null, null, null).Where(u => u.Id == deactivate).SingleOrDefaultAsync(cancellationToken);
        }
    }
}
