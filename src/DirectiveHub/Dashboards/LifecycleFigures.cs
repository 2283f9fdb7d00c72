using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Dashboards;

/// <summary>
/// The lifecycle figures of a dashboard's directives per unit, from grouped queries on the one state definition
/// (<see cref="TaskAssignmentState"/>): cancelled work is counted here and nowhere in the rates.
/// </summary>
public static class LifecycleFigures
{
    public static async Task<IReadOnlyList<LifecycleRow>> LoadAsync(AppDbContext db, IQueryable<Directive> directives, DateOnly today, int dueSoonDays, CancellationToken cancellationToken)
    {
        var soon = today.AddDays(dueSoonDays);
        var tasks = directives.SelectMany(d => db.TaskAssignments.Where(t => t.DirectiveId == d.Id))
            .Join(db.Directives, t => t.DirectiveId, d => d.Id, TaskAssignmentState.OnJoined(today));
        var rows = await tasks
            .GroupBy(t => t.OrganizationId)
            .Select(g => new
            {
                OrganizationId = g.Key,
                Awaiting = g.Count(t => t.Status == ProgressStatus.AwaitingConfirmation && t.State == TaskState.Open),
                OldestSubmitted = g.Where(t => t.Status == ProgressStatus.AwaitingConfirmation && t.State == TaskState.Open).Min(t => t.SubmittedAt),
                Returned = g.Count(t => t.Status == ProgressStatus.Returned && t.State != TaskState.Closed),
                Cancelled = g.Count(t => t.State == TaskState.Cancelled),
                NoDeadline = g.Count(t => (t.State == TaskState.Open || t.State == TaskState.Overdue) && t.Deadline == null && t.DaysAfterReceipt == null),
                DueSoon = g.Count(t => t.State == TaskState.Open && t.Status != ProgressStatus.AwaitingConfirmation && t.Deadline != null && t.Deadline >= today && t.Deadline <= soon),
                Extensions = g.Sum(t => t.ExtensionCount),
                KhongDat = g.Count(t => t.Quality == ResultQuality.KhongDat),
                Dat = g.Count(t => t.Quality == ResultQuality.Dat),
                DatTot = g.Count(t => t.Quality == ResultQuality.DatTot),
                XuatSac = g.Count(t => t.Quality == ResultQuality.XuatSac),
            })
            .ToListAsync(cancellationToken);
        var urgings = await directives.SelectMany(d => db.TaskAssignments.Where(t => t.DirectiveId == d.Id))
            .Join(db.Urgings, t => t.Id, u => u.TaskAssignmentId, (t, u) => new { t.OrganizationId, u.Kind })
            .GroupBy(x => new { x.OrganizationId, x.Kind })
            .Select(g => new { g.Key.OrganizationId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.OrganizationId).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        int Urged(Guid unit, UrgingKind kind) => urgings.Where(u => u.OrganizationId == unit && u.Kind == kind).Sum(u => u.Count);
        return rows
            .Select(r => new LifecycleRow(
                r.OrganizationId,
                names.GetValueOrDefault(r.OrganizationId, "?"),
                r.Awaiting,
                r.OldestSubmitted is { } submitted ? today.DayNumber - VietnamTime.DateOf(submitted).DayNumber : null,
                r.Returned,
                r.Cancelled,
                r.NoDeadline,
                r.DueSoon,
                r.Extensions,
                Urged(r.OrganizationId, UrgingKind.NhacNho),
                Urged(r.OrganizationId, UrgingKind.PheBinh),
                Urged(r.OrganizationId, UrgingKind.KiemDiem),
                r.KhongDat,
                r.Dat,
                r.DatTot,
                r.XuatSac))
            .OrderByDescending(r => r.AwaitingConfirmation)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }
}
