using DirectiveHub.Data;
using DirectiveHub.Directives;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Numbering;

/// <summary>Finds (and locks, on PostgreSQL) the register that numbers a document of a type on a date.</summary>
public static class RegisterLookup
{
    /// <summary>
    /// Makes sure a register covers <paramref name="date"/>: when the office has none, an open-ended term register
    /// starting that day is opened (the Party's rule), numbering from 01. Runs on its own before the publication's
    /// transaction; when several publications open it at once, the unique index keeps one and the others use it.
    /// </summary>
    public static async Task EnsureAsync(AppDbContext db, Guid issuerId, string documentType, bool confidential, DateOnly date, CancellationToken cancellationToken)
    {
        if (await Covering(db, issuerId, documentType, confidential, date).AnyAsync(cancellationToken))
        {
            return;
        }

        var register = new NumberRegister(issuerId, documentType, confidential, NumberingPeriod.Term, date, null);
        db.NumberRegisters.Add(register);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(register).State = EntityState.Detached;
            if (!await Covering(db, issuerId, documentType, confidential, date).AnyAsync(cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>
    /// The register covering <paramref name="date"/>, locked for the rest of the transaction on PostgreSQL so that
    /// concurrent publications queue on it instead of racing.
    /// </summary>
    public static async Task<NumberRegister> FindForUpdateAsync(AppDbContext db, Guid issuerId, string documentType, bool confidential, DateOnly date, CancellationToken cancellationToken)
    {
        var candidates = Covering(db, issuerId, documentType, confidential, date).OrderByDescending(r => r.PeriodStart);
        if (db.Provider != DatabaseProvider.Postgres)
        {
            // SQLite serializes writers; the register's concurrency token turns a lost race into a retry.
            return await candidates.FirstAsync(cancellationToken);
        }

        var id = await candidates.Select(r => r.Id).FirstAsync(cancellationToken);
        return await db.NumberRegisters.FromSql($"SELECT * FROM \"NumberRegisters\" WHERE \"Id\" = {id} FOR UPDATE").SingleAsync(cancellationToken);
    }

    /// <summary>
    /// The number the next publication would take today, read without a lock (for the confirmation a clerk sees
    /// before publishing: another publication may still take it first, and then the next one is given).
    /// </summary>
    public static async Task<int> ExpectedSequenceAsync(AppDbContext db, Guid issuerId, string documentType, bool confidential, DateOnly date, CancellationToken cancellationToken) =>
        await Covering(db, issuerId, documentType, confidential, date).OrderByDescending(r => r.PeriodStart)
            .Select(r => (int?)r.NextSequence).FirstOrDefaultAsync(cancellationToken) ?? 1;

    private static IQueryable<NumberRegister> Covering(AppDbContext db, Guid issuerId, string documentType, bool confidential, DateOnly date) =>
        db.NumberRegisters.Where(r =>
            r.IssuerId == issuerId && r.DocumentType == documentType && r.IsConfidential == confidential
            && r.PeriodStart <= date && (r.PeriodEnd == null || r.PeriodEnd >= date));

    public static bool IsConfidential(Directive directive) => directive.Confidentiality != Confidentiality.None;
}
