using DirectiveHub.Assignments;
using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Organizations;

/// <summary>
/// What dissolving (or merging) units would do, shown to the administrator before it is done, since it cannot be
/// undone from the interface: the units that end, the successor, the users who belong to them, the outstanding work
/// that moves to the successor (or is left without anyone to carry it), their open registers, and what blocks it.
/// </summary>
public sealed record DissolutionPreview(
    IReadOnlyList<DissolutionPreview.UnitLine> Units,
    string? Successor,
    IReadOnlyList<string> Blocked,
    IReadOnlyList<string> Users,
    int OutstandingTasks,
    int TasksMoving,
    IReadOnlyList<string> Directives,
    int OpenRegisters)
{
    public sealed record UnitLine(string Code, string Name, int Users, int OutstandingTasks);

    public bool CanProceed => Blocked.Count == 0 && Units.Count > 0;

    public static async Task<DissolutionPreview> LoadAsync(AppDbContext db, IReadOnlyCollection<Guid> unitIds, Guid? successorId, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var ids = unitIds.Distinct().ToList();
        var units = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Path)
            .Select(o => new { o.Id, o.Code, o.Name, o.DissolvedOn }).ToListAsync(cancellationToken);
        var successor = successorId is { } sid
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == sid).Select(o => new { o.Id, o.Name, o.DissolvedOn }).SingleOrDefaultAsync(cancellationToken)
            : null;

        // The same checks OrganizationChanges.DissolveAsync makes, said before rather than after.
        var blocked = new List<string>();
        var withChildren = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentId != null && ids.Contains(o.ParentId.Value) && o.DissolvedOn == null && !ids.Contains(o.Id))
            .Select(o => o.ParentId!.Value).Distinct().ToListAsync(cancellationToken);
        blocked.AddRange(units.Where(u => withChildren.Contains(u.Id)).Select(u => $"{u.Name} còn đơn vị trực thuộc đang hoạt động: hãy chuyển hoặc giải thể các đơn vị đó trước."));
        blocked.AddRange(units.Where(u => u.DissolvedOn is not null).Select(u => $"{u.Name} đã giải thể."));
        if (successor is not null && ids.Contains(successor.Id))
        {
            blocked.Add("Đơn vị kế thừa phải là đơn vị khác với các đơn vị giải thể.");
        }

        if (successor is { DissolvedOn: not null })
        {
            blocked.Add("Đơn vị kế thừa đã giải thể.");
        }

        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.OrganizationId) && !u.IsDeactivated)
            .OrderBy(u => u.FullName).Select(u => new { u.OrganizationId, u.FullName, u.Email }).ToListAsync(cancellationToken);
        var outstanding = await db.TaskAssignments.AsNoTracking().Where(TaskAssignmentState.IsOutstanding).Where(t => ids.Contains(t.OrganizationId))
            .Select(t => new { t.OrganizationId, t.TaskId, t.DirectiveId, t.Directive!.Number }).ToListAsync(cancellationToken);
        var taken = successor is null
            ? []
            : (await db.TaskAssignments.AsNoTracking().Where(t => t.OrganizationId == successor.Id).Select(t => t.TaskId).ToListAsync(cancellationToken)).ToHashSet();
        var registers = await db.NumberRegisters.AsNoTracking().CountAsync(r => ids.Contains(r.IssuerId) && (r.PeriodEnd == null || r.PeriodEnd >= effectiveOn), cancellationToken);

        return new DissolutionPreview(
            units.Select(u => new UnitLine(u.Code, u.Name, users.Count(p => p.OrganizationId == u.Id), outstanding.Count(t => t.OrganizationId == u.Id))).ToList(),
            successor?.Name,
            blocked,
            users.Select(u => string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? string.Empty : $"{u.FullName} ({u.Email})").ToList(),
            outstanding.Count,
            successor is null ? 0 : outstanding.Count(t => !taken.Contains(t.TaskId)),
            outstanding.Select(t => t.Number).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            registers);
    }
}
