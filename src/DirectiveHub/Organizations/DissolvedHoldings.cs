using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Organizations;

/// <summary>
/// What still belongs to a dissolved unit: users who would sign in for a committee that no longer exists, and number
/// registers still open for it. A dissolution with a successor hands them over (<see cref="OrganizationChanges"/>);
/// these are the ones left (no successor, or dissolved before the hand-over existed), for the administrator to move.
/// </summary>
public static class DissolvedHoldings
{
    public static async Task<IReadOnlyList<DissolvedHolding>> LoadAsync(AppDbContext db, IQueryable<Organization> scope, CancellationToken cancellationToken)
    {
        var rows = await scope.Where(o => o.DissolvedOn != null)
            .Select(o => new
            {
                o.Id,
                o.Name,
                DissolvedOn = o.DissolvedOn!.Value,
                Successor = db.Organizations.Where(s => s.Id == o.SuccessorId).Select(s => s.Name).FirstOrDefault(),
                Users = db.Users.Count(u => u.OrganizationId == o.Id),
                Registers = db.NumberRegisters.Count(r => r.IssuerId == o.Id && (r.PeriodEnd == null || r.PeriodEnd >= o.DissolvedOn)),
            })
            .Where(o => o.Users > 0 || o.Registers > 0)
            .OrderBy(o => o.Name)
            .ToListAsync(cancellationToken);
        return rows.Select(o => new DissolvedHolding(o.Id, o.Name, o.DissolvedOn, o.Successor, o.Users, o.Registers)).ToList();
    }
}
