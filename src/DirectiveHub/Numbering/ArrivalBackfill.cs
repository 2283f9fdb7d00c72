using DirectiveHub.Data;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Numbering;

/// <summary>
/// Gives arrival numbers to receipts that have none: those recorded before arrival numbers existed, and any a path
/// wrote without one. Each takes the next number of its unit's register for the Vietnam year it arrived, in order of
/// arrival, so a register stays gapless; a receipt that has its number keeps it (numbers are never reused or moved).
/// A receipt without a recorded arrival is taken to have arrived when its directive was published (the moment it
/// reached its recipients), else on its date. Idempotent: a second run finds nothing. One transaction per unit, with
/// the unit's registers locked as a live delivery locks them, so it may run beside the app.
/// </summary>
public sealed class ArrivalBackfill(AppDbContext db)
{
    /// <summary>Units numbered per round: a province has a few thousand, each with at most a few thousand receipts a year.</summary>
    private const int UnitsPerRound = 200;

    public sealed record Result(int Units, int Receipts);

    /// <param name="dryRun">Count what would be numbered, and change nothing.</param>
    public async Task<Result> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var units = await db.Assignments.Where(a => a.ArrivalNumber == null).Select(a => a.OrganizationId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        if (dryRun)
        {
            return new Result(units.Count, await db.Assignments.CountAsync(a => a.ArrivalNumber == null, cancellationToken));
        }

        var numbered = 0;
        foreach (var round in units.Chunk(UnitsPerRound))
        {
            foreach (var unit in round)
            {
                numbered += await NumberUnitAsync(unit, cancellationToken);
            }

            db.ChangeTracker.Clear();
        }

        return new Result(units.Count, numbered);
    }

    private async Task<int> NumberUnitAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var years = (await ArrivalsAsync(organizationId, cancellationToken)).Select(a => ArrivalNumbering.YearOf(a.At)).Distinct().ToList();
        foreach (var year in years)
        {
            await ArrivalNumbering.EnsureAsync(db, [organizationId], year, cancellationToken);
        }

        return await db.InTransactionAsync(async token =>
        {
            var arrivals = await ArrivalsAsync(organizationId, token);
            var receipts = await db.Assignments.Where(a => a.OrganizationId == organizationId && a.ArrivalNumber == null).ToDictionaryAsync(a => a.Id, token);
            // A receipt added since the first read waits for the next run; none can have been numbered meanwhile
            // (deliveries number only the receipts they create).
            arrivals.RemoveAll(a => !receipts.ContainsKey(a.Id));
            foreach (var group in arrivals.GroupBy(a => ArrivalNumbering.YearOf(a.At)).OrderBy(g => g.Key))
            {
                var register = await ArrivalNumbering.FindForUpdateAsync(db, organizationId, group.Key, token);
                foreach (var arrival in group.OrderBy(a => a.At).ThenBy(a => a.Id))
                {
                    receipts[arrival.Id].RecordArrival(register.Allocate(), group.Key, arrival.At);
                }
            }

            await db.SaveChangesAsync(token);
            return arrivals.Count;
        }, cancellationToken);
    }

    private async Task<List<(Guid Id, DateTime At)>> ArrivalsAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var rows = await db.Assignments.AsNoTracking()
            .Where(a => a.OrganizationId == organizationId && a.ArrivalNumber == null)
            .Join(db.Directives, a => a.DirectiveId, d => d.Id, (a, d) => new { a.Id, a.ArrivedAt, d.PublishedAt, d.IssuedOn, d.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.ArrivedAt ?? r.PublishedAt ?? StartOf(r.IssuedOn) ?? r.CreatedAt)).ToList();
    }

    private static DateTime? StartOf(DateOnly? day) =>
        day is { } d ? TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue), VietnamTime.Zone) : null;
}
