using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Numbering;

/// <summary>
/// Gives arrival numbers when a directive reaches its units (publication, or registration of one received from
/// outside), the same way outgoing numbers are given: the registers are opened before the delivery's transaction
/// (<see cref="EnsureAsync"/>), then locked inside it (<see cref="AssignAsync"/>), so a rolled-back delivery takes no
/// number and concurrent deliveries to one unit queue instead of racing.
/// </summary>
public static class ArrivalNumbering
{
    /// <summary>Makes sure each unit has its register for <paramref name="year"/>; a concurrent opener's row is kept.</summary>
    public static async Task EnsureAsync(AppDbContext db, IEnumerable<Guid> organizationIds, int year, CancellationToken cancellationToken)
    {
        var wanted = organizationIds.Distinct().ToList();
        var existing = await db.ArrivalRegisters.Where(r => r.Year == year && wanted.Contains(r.OrganizationId)).Select(r => r.OrganizationId).ToListAsync(cancellationToken);
        foreach (var organizationId in wanted.Except(existing))
        {
            var register = new ArrivalRegister(organizationId, year);
            db.ArrivalRegisters.Add(register);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.Entry(register).State = EntityState.Detached;
                if (!await db.ArrivalRegisters.AnyAsync(r => r.OrganizationId == organizationId && r.Year == year, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// Numbers each receipt in the unit's register of the Vietnam year of <paramref name="arrivedAtUtc"/>. Registers are
    /// locked in the order of their unit's id, so two deliveries to overlapping sets of units cannot deadlock.
    /// </summary>
    public static async Task AssignAsync(AppDbContext db, IEnumerable<Assignment> receipts, DateTime arrivedAtUtc, CancellationToken cancellationToken)
    {
        var year = VietnamTime.ToVietnam(arrivedAtUtc).Year;
        foreach (var receipt in receipts.Where(r => r.ArrivalNumber is null).OrderBy(r => r.OrganizationId))
        {
            var register = await FindForUpdateAsync(db, receipt.OrganizationId, year, cancellationToken);
            receipt.RecordArrival(register.Allocate(), year, arrivedAtUtc);
        }
    }

    /// <summary>The year of the arrival the delivery at <paramref name="arrivedAtUtc"/> makes, for <see cref="EnsureAsync"/>.</summary>
    public static int YearOf(DateTime arrivedAtUtc) => VietnamTime.ToVietnam(arrivedAtUtc).Year;

    internal static async Task<ArrivalRegister> FindForUpdateAsync(AppDbContext db, Guid organizationId, int year, CancellationToken cancellationToken)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            // SQLite serializes writers; the register's concurrency token turns a lost race into a retry.
            return db.ArrivalRegisters.Local.FirstOrDefault(r => r.OrganizationId == organizationId && r.Year == year)
                ?? await db.ArrivalRegisters.SingleAsync(r => r.OrganizationId == organizationId && r.Year == year, cancellationToken);
        }

        return await db.ArrivalRegisters
            .FromSql($"SELECT * FROM \"ArrivalRegisters\" WHERE \"OrganizationId\" = {organizationId} AND \"Year\" = {year} FOR UPDATE")
            .SingleAsync(cancellationToken);
    }
}
