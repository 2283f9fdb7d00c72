using DirectiveHub.Access;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Notifications;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Admin;

/// <summary>
/// People of the administrator's subtree: invite (a one-time link to set the password, mailed through the outbox and
/// logged), roles, lock and unlock, deactivate, and password reset links. An administrator never sees a password.
/// </summary>
public sealed class UsersModel(
    AppDbContext db,
    CurrentUser user,
    UserManager<AppUser> users,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<UsersModel> logger,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var roles = Invite.Roles.Where(Roles.All.Contains).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(Invite.Email) || !Invite.Email.Contains('@', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(Invite.FullName) || roles.Count == 0
            || !await db.Organizations.VisibleTo(viewer).AnyAsync(o => o.Id == Invite.OrganizationId, cancellationToken))
        {
            Error = localizer["InviteInvalid"];
            await LoadAsync(cancellationToken);
            return Page();
        }

        var invited = new AppUser { UserName = Invite.Email.Trim(), Email = Invite.Email.Trim(), FullName = Invite.FullName.Trim(), OrganizationId = Invite.OrganizationId, EmailConfirmed = true, LockoutEnabled = true };
        var result = await users.CreateAsync(invited);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(invited, roles);
        }

        if (!result.Succeeded)
        {
            Error = string.Join(" ", result.Errors.Select(e => e.Description));
            await LoadAsync(cancellationToken);
            return Page();
        }

        audit.Record(AuditActions.RoleChanged, nameof(AppUser), invited.Id.ToString(), new { invited.Email, Roles = roles, invited.OrganizationId });
        await SendLinkAsync(invited, cancellationToken);
        Message = localizer["Invited", invited.Email!].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLockAsync(Guid id, bool locked, CancellationToken cancellationToken)
    {
        var target = await FindAsync(id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(target, locked ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(target);
        audit.Record(AuditActions.SettingChanged, nameof(AppUser), id.ToString(), new { Locked = locked });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken)
    {
        var target = await FindAsync(id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        target.IsDeactivated = true;
        await users.UpdateAsync(target);
        await users.UpdateSecurityStampAsync(target);
        audit.Record(AuditActions.SettingChanged, nameof(AppUser), id.ToString(), new { Deactivated = true });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(Guid id, CancellationToken cancellationToken)
    {
        var target = await FindAsync(id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        await SendLinkAsync(target, cancellationToken);
        Message = localizer["ResetSent", target.Email!].Value;
        return RedirectToPage();
    }

    /// <summary>A user of the administrator's subtree, never anyone else's (404).</summary>
    private async Task<AppUser?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var units = db.Organizations.VisibleTo(viewer).Select(o => o.Id);
        return await db.Users.SingleOrDefaultAsync(u => u.Id == id && units.Contains(u.OrganizationId), cancellationToken);
    }

    /// <summary>The one-time link to set a password: by mail through the outbox, and in the log for installations without mail.</summary>
    private async Task SendLinkAsync(AppUser target, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(target);
        var link = Url.Page("/Account/SetPassword", null, new { userId = target.Id, token }, Request.Scheme, Request.Host.Value)!;
        logger.LogInformation("Password link for {UserId}: {Link}", target.Id, link);
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage(target.Email!, "DirectiveHub: đặt mật khẩu", $"Xin chào {target.FullName},\n\nĐặt mật khẩu cho tài khoản DirectiveHub của bạn tại:\n{link}\n\nLiên kết chỉ dùng được một lần.", $"password:{target.Id}:{now.Ticks}", now));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var units = db.Organizations.VisibleTo(viewer);
        Units = (await units.Where(o => o.DissolvedOn == null).OrderBy(o => o.Path).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ToList();
        var query = db.Users.AsNoTracking().Where(u => units.Any(o => o.Id == u.OrganizationId));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(q) || u.FullName.Contains(Q.Trim()));
        }

        var now = clock.GetUtcNow();
        Rows = await query.OrderBy(u => u.Email).Take(500)
            .Select(u => new Row(
                u.Id,
                u.Email!,
                u.FullName,
                db.Organizations.Where(o => o.Id == u.OrganizationId).Select(o => o.Name).First(),
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                u.LockoutEnd != null && u.LockoutEnd > now,
                u.IsDeactivated))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(Guid Id, string Email, string FullName, string Organization, List<string> Roles, bool Locked, bool Deactivated);

    public sealed class InviteInput
    {
        public string Email { get; set; } = string.Empty;

        public string FullName { get; set; } = string.Empty;

        public Guid OrganizationId { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}
