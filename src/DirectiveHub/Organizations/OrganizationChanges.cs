using DirectiveHub.Assignments;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Organizations;

/// <summary>
/// Changes to the tree with an effective date: rename, move under another parent (the subtree follows), and dissolve
/// or merge into a successor, whose open task assignments then pass to the successor (the 2025 reform: a district's
/// open work goes to the province committee or the merged commune), and so do its users and its open number
/// registers (<see cref="HandOverAsync"/>). Without a successor they stay where they are, and the administration page
/// asks the administrator to move them (<see cref="DissolvedHoldings"/>, <see cref="OrganizationTree.LeftBehind"/>).
/// History stays readable through the revisions.
/// </summary>
public sealed class OrganizationChanges(AppDbContext db, TimeProvider clock)
{
    public async Task RenameAsync(Guid organizationId, string name, string symbolCode, string? place, string? partyBodyName, DateOnly effectiveOn, Actor actor, CancellationToken cancellationToken)
    {
        var unit = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        var before = new { unit.Name, unit.SymbolCode, unit.Place, unit.PartyBodyName };
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(symbolCode))
        {
            throw new DomainException("Cần tên và ký hiệu của đơn vị.");
        }

        unit.Rename(name, symbolCode, place, partyBodyName, effectiveOn);
        Audit("Renamed", organizationId, new { Before = before, After = new { unit.Name, unit.SymbolCode, unit.Place, unit.PartyBodyName }, EffectiveOn = effectiveOn }, actor);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task MoveAsync(Guid organizationId, Guid newParentId, DateOnly effectiveOn, Actor actor, CancellationToken cancellationToken)
    {
        var unit = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        var parent = await db.Organizations.SingleAsync(o => o.Id == newParentId, cancellationToken);
        var (oldPath, oldDepth) = (unit.Path, unit.Depth);
        unit.MoveTo(parent, effectiveOn);
        var descendants = await db.Organizations.Where(o => o.Path.StartsWith(oldPath) && o.Id != organizationId).ToListAsync(cancellationToken);
        foreach (var descendant in descendants)
        {
            descendant.Rebase(oldPath, unit.Path, unit.Depth - oldDepth);
        }

        Audit("Moved", organizationId, new { NewParent = parent.Code, EffectiveOn = effectiveOn, Descendants = descendants.Count }, actor);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <returns>How many open task assignments passed to the successor.</returns>
    public async Task<int> DissolveAsync(Guid organizationId, Guid? successorId, DateOnly effectiveOn, Actor actor, CancellationToken cancellationToken)
    {
        var unit = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        if (await db.Organizations.AnyAsync(o => o.ParentId == organizationId && o.DissolvedOn == null, cancellationToken))
        {
            throw new DomainException("Đơn vị còn đơn vị trực thuộc đang hoạt động: hãy chuyển hoặc giải thể các đơn vị đó trước.");
        }

        var successor = successorId is { } id ? await db.Organizations.SingleAsync(o => o.Id == id, cancellationToken) : null;
        if (successor is { IsDissolved: true })
        {
            throw new DomainException("Đơn vị kế thừa đã giải thể.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (successor is not null)
        {
            // The successor enters what it takes over in its incoming register: the register is opened before anything changes (opening it saves).
            await ArrivalNumbering.EnsureAsync(db, [successor.Id], ArrivalNumbering.YearOf(now), cancellationToken);
        }

        unit.Dissolve(effectiveOn, successor);
        var transferred = 0;
        var arrived = new List<Assignment>();
        if (successor is not null)
        {
            var open = await db.TaskAssignments
                .Where(t => t.OrganizationId == organizationId && t.Status != ProgressStatus.Done && t.Status != ProgressStatus.DoneLate && t.Status != ProgressStatus.Cancelled)
                .ToListAsync(cancellationToken);
            var taken = (await db.TaskAssignments.Where(t => t.OrganizationId == successor.Id).Select(t => t.TaskId).ToListAsync(cancellationToken)).ToHashSet();
            var receipts = (await db.Assignments.Where(a => a.OrganizationId == successor.Id).Select(a => a.DirectiveId).ToListAsync(cancellationToken)).ToHashSet();
            var directiveIds = open.Select(t => t.DirectiveId).Distinct().ToList();
            var directives = await db.Directives.Where(d => directiveIds.Contains(d.Id)).Select(d => new { d.Id, d.IssuedOn, d.Urgency }).ToDictionaryAsync(d => d.Id, cancellationToken);
            foreach (var task in open.Where(t => !taken.Contains(t.TaskId)))
            {
                task.TransferTo(successor.Id);
                if (receipts.Add(task.DirectiveId))
                {
                    var directive = directives[task.DirectiveId];
                    var receipt = Assignment.ForSuccessor(task.DirectiveId, successor.Id, directive.IssuedOn, directive.Urgency);
                    db.Assignments.Add(receipt);
                    arrived.Add(receipt);
                }

                transferred++;
            }

            await ArrivalNumbering.AssignAsync(db, arrived, now, cancellationToken);
        }

        var (users, registers) = successor is null ? (0, 0) : await HandOverAsync(unit, successor, effectiveOn, cancellationToken);
        Audit("Dissolved", organizationId, new { Successor = successor?.Code, EffectiveOn = effectiveOn, Transferred = transferred, Users = users, Registers = registers }, actor);
        await db.SaveChangesAsync(cancellationToken);
        return transferred;
    }

    /// <summary>
    /// The successor takes over what still belongs to <paramref name="unit"/>: its users (their roles kept; their
    /// sign-ins renewed so no session keeps acting for the dissolved unit) and its open number registers, closed the
    /// day before the dissolution, the successor getting a register of each type it lacks, starting that day.
    /// </summary>
    private async Task<(int Users, int Registers)> HandOverAsync(Organization unit, Organization successor, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var users = await db.Users.Where(u => u.OrganizationId == unit.Id).ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            user.OrganizationId = successor.Id;
            user.SecurityStamp = Guid.NewGuid().ToString();
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
        }

        var open = await db.NumberRegisters.Where(r => r.IssuerId == unit.Id && (r.PeriodEnd == null || r.PeriodEnd >= effectiveOn)).ToListAsync(cancellationToken);
        var held = (await db.NumberRegisters.Where(r => r.IssuerId == successor.Id && (r.PeriodEnd == null || r.PeriodEnd >= effectiveOn))
                .Select(r => new { r.DocumentType, r.IsConfidential })
                .ToListAsync(cancellationToken))
            .Select(r => (r.DocumentType, r.IsConfidential))
            .ToHashSet();
        foreach (var register in open)
        {
            var end = register.PeriodEnd;
            register.CloseAfter(effectiveOn.AddDays(-1));
            if (held.Add((register.DocumentType, register.IsConfidential)))
            {
                // The same setting for the rest of the period (a year's register still ends on 31 December).
                db.NumberRegisters.Add(new NumberRegister(successor.Id, register.DocumentType, register.IsConfidential, register.Period, effectiveOn, end));
            }
        }

        return (users.Count, open.Count);
    }

    private void Audit(string action, Guid organizationId, object details, Actor actor) =>
        db.AuditEvents.Add(new AuditEvent(action, nameof(Organization), organizationId.ToString(), actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress, System.Text.Json.JsonSerializer.Serialize(details), clock.GetUtcNow().UtcDateTime));
}
