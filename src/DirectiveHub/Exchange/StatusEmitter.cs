using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Organizations;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Exchange;

/// <summary>
/// Reports what became of received packages: for each receiving unit, its status over the directive's tasks
/// (<see cref="ExchangeStatus.OfUnit"/>, from the one task-state mapping) is put in the outbox whenever it reaches a code
/// not reported yet. Receipt (03) is reported before any later code once the unit acknowledged, and assignment (04)
/// before work once a handler was named, so the issuer sees the steps even when work started between two runs.
/// </summary>
public sealed class StatusEmitter(AppDbContext db, ExchangeOptions options, TimeProvider clock)
{
    /// <summary>How long a received package is followed (statuses after that are not reported).</summary>
    public static readonly TimeSpan FollowFor = TimeSpan.FromDays(400);

    /// <summary>Adds the status message to the outbox (saved by the caller, with the change it reports).</summary>
    public void Enqueue(ReceivedPackage package, Organization unit, string code, string? staff, DateTime nowUtc)
    {
        var message = new StatusMessage(
            package.IssuerCode,
            package.Number,
            package.IssuedOn,
            package.DocumentId,
            new ExchangeUnit(unit.EffectiveExchangeCode, unit.Name),
            code,
            ExchangeStatusText.Of(code),
            staff,
            nowUtc);
        var peer = package.PeerCode ?? options.PeerCarrying(package.IssuerCode)?.Code;
        db.OutgoingStatuses.Add(new OutgoingStatus(package.Id, unit.Id, code, peer, EdXml.Write(message), nowUtc));
    }

    /// <returns>How many status messages were put in the outbox.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - FollowFor;
        var packages = await db.ReceivedPackages.AsNoTracking().Where(p => p.ReceivedAt >= since).ToListAsync(cancellationToken);
        if (packages.Count == 0)
        {
            return 0;
        }

        var directiveIds = packages.Select(p => p.DirectiveId).ToList();
        var receipts = await db.Assignments.AsNoTracking().Where(a => directiveIds.Contains(a.DirectiveId))
            .Select(a => new { a.DirectiveId, a.OrganizationId, Acknowledged = a.AcknowledgedAt != null }).ToListAsync(cancellationToken);
        var tasks = await db.TaskAssignments.AsNoTracking().Where(t => directiveIds.Contains(t.DirectiveId))
            .Select(t => new { t.DirectiveId, t.OrganizationId, t.Status, HandlerAssigned = t.HandlerUserId != null }).ToListAsync(cancellationToken);
        var packageIds = packages.Select(p => p.Id).ToList();
        var sent = (await db.OutgoingStatuses.AsNoTracking().Where(s => packageIds.Contains(s.ReceivedPackageId))
            .Select(s => new { s.ReceivedPackageId, s.OrganizationId, s.StatusCode }).ToListAsync(cancellationToken))
            .Select(s => (s.ReceivedPackageId, s.OrganizationId, s.StatusCode)).ToHashSet();
        var unitIds = receipts.Select(r => r.OrganizationId).Distinct().ToList();
        var units = await db.Organizations.Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);

        var added = 0;
        foreach (var package in packages)
        {
            foreach (var receipt in receipts.Where(r => r.DirectiveId == package.DirectiveId))
            {
                var codes = tasks.Where(t => t.DirectiveId == package.DirectiveId && t.OrganizationId == receipt.OrganizationId)
                    .Select(t => ExchangeStatus.Of(t.Status, receipt.Acknowledged, t.HandlerAssigned)).ToList();
                var code = ExchangeStatus.OfUnit(codes, receipt.Acknowledged);
                var due = new List<string>();
                if (receipt.Acknowledged && code != ExchangeStatus.Refused)
                {
                    due.Add(ExchangeStatus.Received);
                }

                // Đã phân công (a handler named, TaskAssignment.AssignHandler) is reported before the work it led to,
                // even when work started between two runs.
                if (code is ExchangeStatus.InHand or ExchangeStatus.Done
                    && tasks.Any(t => t.DirectiveId == package.DirectiveId && t.OrganizationId == receipt.OrganizationId && t.HandlerAssigned))
                {
                    due.Add(ExchangeStatus.Assigned);
                }

                due.Add(code);
                foreach (var next in due.Distinct().Where(c => c != ExchangeStatus.Arrived && !sent.Contains((package.Id, receipt.OrganizationId, c))))
                {
                    Enqueue(package, units[receipt.OrganizationId], next, null, now);
                    sent.Add((package.Id, receipt.OrganizationId, next));
                    added++;
                }
            }
        }

        if (added > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance reported the same change first (the unique index): its messages stand.
                db.ChangeTracker.Clear();
                return 0;
            }
        }

        return added;
    }
}
