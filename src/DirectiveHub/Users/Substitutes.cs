using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Users;

/// <summary>
/// Substitutes ("X thay Y"): naming and ending them (the account page and /api/me/substitutes), and the one question
/// every action on a handled task asks: does this actor stand in for that handler today? The rules are
/// <see cref="Substitution"/>'s.
/// </summary>
public sealed class Substitutes(AppDbContext db, TimeProvider clock)
{
    /// <summary>A substitution as the account page and the API list it.</summary>
    public sealed record Line(Guid Id, Guid AbsentUserId, string AbsentName, Guid SubstituteUserId, string SubstituteName, DateOnly From, DateOnly To, bool Active);

    /// <summary>The caller's substitutions not over yet: those for their own absences and those where they stand in.</summary>
    public async Task<IReadOnlyList<Line>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        return await db.Substitutions.AsNoTracking()
            .Where(Substitution.CurrentOrComingOn(today))
            .Where(s => s.AbsentUserId == userId || s.SubstituteUserId == userId)
            .OrderBy(s => s.From)
            .Select(s => new Line(
                s.Id,
                s.AbsentUserId,
                db.Users.Where(u => u.Id == s.AbsentUserId).Select(u => u.FullName).First(),
                s.SubstituteUserId,
                db.Users.Where(u => u.Id == s.SubstituteUserId).Select(u => u.FullName).First(),
                s.From,
                s.To,
                s.From <= today))
            .Take(50)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The people of the caller's unit who can be named as their substitute.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CandidatesAsync(Guid userId, Guid organizationId, CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking()
            .Where(u => u.OrganizationId == organizationId && u.Id != userId && !u.IsDeactivated)
            .OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName, u.Email })
            .Take(500)
            .ToListAsync(cancellationToken))
        .Select(u => (u.Id, u.FullName.Length > 0 ? u.FullName : u.Email ?? u.Id.ToString()))
        .ToList();

    public async Task<Substitution> NameAsync(Actor actor, Guid substituteUserId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(clock);
        var absent = await MemberAsync(actor.UserId, cancellationToken) ?? throw new DomainException("Không tìm thấy tài khoản.");
        var substitute = await MemberAsync(substituteUserId, cancellationToken) ?? new UnitMember(substituteUserId, Guid.Empty, false);
        var others = await db.Substitutions.Where(s => s.AbsentUserId == actor.UserId).Where(Substitution.CurrentOrComingOn(today)).ToListAsync(cancellationToken);
        var substitution = Substitution.Name(absent, substitute, from, to, today, others, now);
        db.Substitutions.Add(substitution);
        var name = await db.Users.Where(u => u.Id == substituteUserId).Select(u => u.FullName).SingleAsync(cancellationToken);
        Audit(AuditActions.SubstituteNamed, substitution, actor, now, new { Substitute = substituteUserId, SubstituteName = name, From = from, To = to });
        await db.SaveChangesAsync(cancellationToken);
        return substitution;
    }

    /// <returns>False when the caller has no such substitution (another user's is "not found").</returns>
    public async Task<bool> EndAsync(Actor actor, Guid substitutionId, CancellationToken cancellationToken)
    {
        var substitution = await db.Substitutions.SingleOrDefaultAsync(s => s.Id == substitutionId && s.AbsentUserId == actor.UserId, cancellationToken);
        if (substitution is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        substitution.End(actor.UserId, VietnamTime.Today(clock), now);
        Audit(AuditActions.SubstituteEnded, substitution, actor, now, new { Substitute = substitution.SubstituteUserId, substitution.From, substitution.To });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Ends every substitution of the caller not over yet (back early); returns how many.</summary>
    public async Task<int> EndAllAsync(Actor actor, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Substitutions.Where(s => s.AbsentUserId == actor.UserId).Where(Substitution.CurrentOrComingOn(today)).ToListAsync(cancellationToken);
        foreach (var substitution in open)
        {
            substitution.End(actor.UserId, today, now);
            Audit(AuditActions.SubstituteEnded, substitution, actor, now, new { Substitute = substitution.SubstituteUserId, substitution.From, substitution.To });
        }

        await db.SaveChangesAsync(cancellationToken);
        return open.Count;
    }

    /// <summary>Whom <paramref name="userId"/> stands in for today: their handler duties are this user's too.</summary>
    public IQueryable<Guid> AbsentFor(Guid userId, DateOnly today) =>
        db.Substitutions.Where(Substitution.ActiveOn(today)).Where(s => s.SubstituteUserId == userId).Select(s => s.AbsentUserId);

    /// <summary>
    /// The actor as recorded for an action on work handled by <paramref name="handlerUserId"/>: when the actor is not
    /// the handler but stands in for them today, the action is done on the handler's behalf ("X thay Y").
    /// </summary>
    public async Task<Actor> StandInAsync(Actor actor, Guid? handlerUserId, CancellationToken cancellationToken)
    {
        if (handlerUserId is not { } handler || handler == actor.UserId || actor.OnBehalfOfUserId is not null)
        {
            return actor;
        }

        var today = VietnamTime.Today(clock);
        var absent = await db.Substitutions.Where(Substitution.ActiveOn(today))
            .Where(s => s.SubstituteUserId == actor.UserId && s.AbsentUserId == handler)
            .Select(s => db.Users.Where(u => u.Id == s.AbsentUserId).Select(u => u.FullName).First())
            .FirstOrDefaultAsync(cancellationToken);
        return absent is null ? actor : actor with { OnBehalfOfUserId = handler, OnBehalfOfName = absent };
    }

    /// <summary>
    /// The clerk, leader or administrator of <paramref name="organizationId"/> whom <paramref name="userId"/> stands in
    /// for today, if any. While they are away their substitute does their unit's lead work (naming handlers, phân công
    /// xử lý), on their behalf ("X thay Y"). An absent user who has since lost the role, left the unit or been
    /// deactivated lends nothing.
    /// </summary>
    public async Task<(Guid UserId, string Name)?> UnitLeadStoodInForAsync(Guid userId, Guid organizationId, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        string[] leading = [Roles.Clerk.ToUpperInvariant(), Roles.Leader.ToUpperInvariant(), Roles.Admin.ToUpperInvariant()];
        var found = await db.Substitutions.AsNoTracking()
            .Where(Substitution.ActiveOn(today))
            .Where(s => s.SubstituteUserId == userId && s.OrganizationId == organizationId)
            .Join(db.Users, s => s.AbsentUserId, u => u.Id, (s, u) => u)
            .Where(u => u.OrganizationId == organizationId && !u.IsDeactivated)
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && leading.Contains(x.NormalizedName!))))
            .OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName, u.Email })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.FullName.Length > 0 ? found.FullName : found.Email ?? found.Id.ToString());
    }

    private Task<UnitMember?> MemberAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).Select(u => new UnitMember(u.Id, u.OrganizationId, !u.IsDeactivated)).SingleOrDefaultAsync(cancellationToken);

    private void Audit(string action, Substitution substitution, Actor actor, DateTime now, object details) =>
        db.AuditEvents.Add(new AuditEvent(action, nameof(Substitution), substitution.Id.ToString(), actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress, System.Text.Json.JsonSerializer.Serialize(details), now));
}
