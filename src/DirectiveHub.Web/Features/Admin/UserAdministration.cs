using DirectiveHub.Access;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Notifications;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Features.Admin;

/// <summary>What an administrator sends to invite someone or to change their unit and roles.</summary>
public sealed class UserInput
{
    public string Email { get; set; } = string.Empty;

    public string FullName { get; set; } = string.Empty;

    public Guid OrganizationId { get; set; }

    public List<string> Roles { get; set; } = [];
}

public sealed class UserInputValidator : AbstractValidator<UserInput>
{
    public UserInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage(localizer["EmailRequired"]).EmailAddress().WithMessage(localizer["EmailInvalid"]).MaximumLength(256);
        RuleFor(x => x.FullName).NotEmpty().WithMessage(localizer["FullNameRequired"]).MaximumLength(200);
        RuleFor(x => x.OrganizationId).NotEmpty().WithMessage(localizer["UnitRequired"]);
        RuleFor(x => x.Roles).NotEmpty().WithMessage(localizer["RolesRequired"])
            .Must(roles => roles.All(Users.Roles.All.Contains)).WithMessage(localizer["RoleUnknown"]);
    }
}

/// <summary>A row of the users list (an init-only class so EF can still filter and sort after projecting).</summary>
public sealed class UserRow
{
    public Guid Id { get; init; }

    public string Email { get; init; } = string.Empty;

    public string FullName { get; init; } = string.Empty;

    public Guid OrganizationId { get; init; }

    public string Organization { get; init; } = string.Empty;

    public List<string> Roles { get; init; } = [];

    public bool Locked { get; init; }

    public bool Deactivated { get; init; }

    public bool TwoFactorEnabled { get; init; }
}

/// <summary>
/// People of an administrator's subtree, shared by the users page and /api/admin/users: the list with its filters,
/// invitations (a one-time link to set the password, mailed through the outbox and logged), unit and role changes,
/// and resets. An administrator never sees or sets a password.
/// </summary>
public sealed class UserAdministration(
    AppDbContext db,
    UserManager<AppUser> users,
    AuditTrail audit,
    TimeProvider clock,
    IValidator<UserInput> validator,
    ILogger<UserAdministration> logger,
    IStringLocalizer<SharedResource> localizer)
{
    public sealed record Outcome(AppUser? User, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    /// <summary>Users of the viewer's subtree; <paramref name="organizationId"/> narrows to a unit and the units beneath it.</summary>
    public IQueryable<UserRow> Query(Viewer viewer, string? search, string? role, Guid? organizationId)
    {
        var units = db.Organizations.VisibleTo(viewer);
        if (organizationId is { } unit)
        {
            var path = units.Where(o => o.Id == unit).Select(o => o.Path);
            units = units.Where(o => path.Any(p => o.Path.StartsWith(p)));
        }

        var query = db.Users.AsNoTracking().Where(u => units.Any(o => o.Id == u.OrganizationId));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var upper = search.Trim().ToUpperInvariant();
            var text = search.Trim();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.FullName.Contains(text));
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            var normalized = role.Trim().ToUpperInvariant();
            query = query.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.NormalizedName == normalized)));
        }

        var now = clock.GetUtcNow();
        return query.OrderBy(u => u.Email).Select(u => new UserRow
        {
            Id = u.Id,
            Email = u.Email!,
            FullName = u.FullName,
            OrganizationId = u.OrganizationId,
            Organization = db.Organizations.Where(o => o.Id == u.OrganizationId).Select(o => o.Name).First(),
            Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            Locked = u.LockoutEnd != null && u.LockoutEnd > now,
            Deactivated = u.IsDeactivated,
            TwoFactorEnabled = u.TwoFactorEnabled,
        });
    }

    /// <summary>A user of the viewer's subtree, never anyone else's (the caller answers 404).</summary>
    public async Task<AppUser?> FindAsync(Viewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var units = db.Organizations.VisibleTo(viewer).Select(o => o.Id);
        return await db.Users.SingleOrDefaultAsync(u => u.Id == id && units.Contains(u.OrganizationId), cancellationToken);
    }

    /// <param name="linkFor">The absolute set-password address for a user and token.</param>
    public async Task<Outcome> InviteAsync(Viewer viewer, UserInput input, Func<AppUser, string, string> linkFor, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(viewer, input, cancellationToken);
        if (errors.Count > 0)
        {
            return new Outcome(null, errors);
        }

        // Identity saves the user and its roles separately: one unit, so a failure leaves no half-made account.
        return await db.InTransactionAsync(
            async token =>
            {
                var invited = new AppUser
                {
                    UserName = input.Email.Trim(),
                    Email = input.Email.Trim(),
                    FullName = input.FullName.Trim(),
                    OrganizationId = input.OrganizationId,
                    EmailConfirmed = true,
                    LockoutEnabled = true,
                };
                var result = await users.CreateAsync(invited);
                if (result.Succeeded)
                {
                    result = await users.AddToRolesAsync(invited, input.Roles.Distinct());
                }

                if (!result.Succeeded)
                {
                    return new Outcome(null, IdentityErrors(result));
                }

                audit.Record(AuditActions.Created, nameof(AppUser), invited.Id.ToString(), new { invited.Email, Roles = input.Roles.Distinct(), invited.OrganizationId });
                await SendLinkAsync(invited, linkFor, token);
                return new Outcome(invited, new Dictionary<string, string[]>());
            },
            cancellationToken,
            commitWhen: outcome => outcome.Succeeded);
    }

    /// <summary>Moves a person to another unit of the subtree and sets their roles; their sessions end within a minute.</summary>
    public async Task<Outcome> UpdateAsync(Viewer viewer, AppUser target, Guid organizationId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var input = new UserInput { Email = target.Email ?? string.Empty, FullName = string.IsNullOrEmpty(target.FullName) ? target.Email ?? "-" : target.FullName, OrganizationId = organizationId, Roles = [.. roles] };
        // A person of a dissolved unit may keep it while only their roles change: moving them is a choice, not a side effect.
        var errors = await ValidateAsync(viewer, input, cancellationToken, keeping: target.OrganizationId);
        if (errors.Count == 0 && target.Id == viewer.UserId && !roles.Contains(Users.Roles.Admin))
        {
            errors = new Dictionary<string, string[]> { [nameof(UserInput.Roles)] = [localizer["CannotDropOwnAdmin"]] };
        }

        if (errors.Count > 0)
        {
            return new Outcome(target, errors);
        }

        return await ChangeAsync(target, async user =>
        {
            var before = await users.GetRolesAsync(user);
            var previousUnit = user.OrganizationId;
            user.OrganizationId = organizationId;
            var result = await users.UpdateAsync(user);
            if (result.Succeeded)
            {
                result = await users.RemoveFromRolesAsync(user, before.Except(roles));
            }

            if (result.Succeeded)
            {
                result = await users.AddToRolesAsync(user, roles.Except(before).Distinct());
            }

            if (result.Succeeded)
            {
                result = await users.UpdateSecurityStampAsync(user);
            }

            if (!result.Succeeded)
            {
                return new Outcome(user, IdentityErrors(result));
            }

            audit.Record(AuditActions.RoleChanged, nameof(AppUser), user.Id.ToString(), new { Before = new { Roles = before, OrganizationId = previousUnit }, After = new { Roles = roles, OrganizationId = organizationId } });
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(user, new Dictionary<string, string[]>());
        }, cancellationToken);
    }

    /// <summary>Locks (for good, until unlocked) or unlocks; the person's sessions end within a minute.</summary>
    public Task SetLockedAsync(AppUser target, bool locked, CancellationToken cancellationToken) =>
        ChangeAsync(target, async user =>
        {
            await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            await users.UpdateSecurityStampAsync(user);
            audit.Record(AuditActions.SettingChanged, nameof(AppUser), user.Id.ToString(), new { Locked = locked });
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(user, new Dictionary<string, string[]>());
        }, cancellationToken);

    /// <summary>
    /// Deactivated, the account stays (its history names it) but can no longer sign in, and its sessions end within a
    /// minute; reactivated, it signs in again as before.
    /// </summary>
    public Task SetDeactivatedAsync(AppUser target, bool deactivated, CancellationToken cancellationToken) =>
        ChangeAsync(target, async user =>
        {
            user.IsDeactivated = deactivated;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
            audit.Record(AuditActions.SettingChanged, nameof(AppUser), user.Id.ToString(), new { Deactivated = deactivated });
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(user, new Dictionary<string, string[]>());
        }, cancellationToken);

    /// <summary>For a lost phone: the person signs in with their password alone and sets up a new authenticator.</summary>
    public Task ResetTwoFactorAsync(AppUser target, CancellationToken cancellationToken) =>
        ChangeAsync(target, async user =>
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            audit.Record(AuditActions.SettingChanged, nameof(AppUser), user.Id.ToString(), new { TwoFactor = "ResetByAdministrator" });
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(user, new Dictionary<string, string[]>());
        }, cancellationToken);

    /// <summary>
    /// The one-time link to set a password, by mail through the outbox (an installation without SMTP writes it to the
    /// pickup folder). The link holds a token that works like a password: it never reaches the log.
    /// </summary>
    public async Task SendLinkAsync(AppUser target, Func<AppUser, string, string> linkFor, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(target);
        var link = linkFor(target, token);
        logger.LogInformation("Password link queued by mail for {UserId}", target.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage(target.Email!, "DirectiveHub: đặt mật khẩu", $"Xin chào {target.FullName},\n\nĐặt mật khẩu cho tài khoản DirectiveHub của bạn tại:\n{link}\n\nLiên kết chỉ dùng được một lần.", $"password:{target.Id}:{now.Ticks}", now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Identity saves a user, its roles and its stamp one call at a time: the whole change is one unit under the
    /// execution strategy, on a fresh copy of the user each attempt (a retried attempt must not reuse the concurrency
    /// stamp the failed one set), and rolled back when Identity refuses a step.
    /// </summary>
    private Task<Outcome> ChangeAsync(AppUser target, Func<AppUser, Task<Outcome>> change, CancellationToken cancellationToken) =>
        db.InTransactionAsync(
            async _ =>
            {
                var user = await users.FindByIdAsync(target.Id.ToString()) ?? throw new InvalidOperationException("The user was deleted during the change.");
                return await change(user);
            },
            cancellationToken,
            commitWhen: outcome => outcome.Succeeded);

    private async Task<Dictionary<string, string[]>> ValidateAsync(Viewer viewer, UserInput input, CancellationToken cancellationToken, Guid? keeping = null)
    {
        var errors = (await validator.ValidateAsync(input, cancellationToken)).ToErrors();
        if (input.OrganizationId != Guid.Empty
            && !await db.Organizations.VisibleTo(viewer).AnyAsync(o => o.Id == input.OrganizationId && (o.DissolvedOn == null || o.Id == keeping), cancellationToken))
        {
            errors[nameof(UserInput.OrganizationId)] = [localizer["UnitOutOfScope"]];
        }

        return errors;
    }

    private static Dictionary<string, string[]> IdentityErrors(IdentityResult result) =>
        new() { [result.Errors.Any(e => e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal)) ? nameof(UserInput.Email) : string.Empty] = [.. result.Errors.Select(e => e.Description)] };
}
