using DirectiveHub.Data;
using DirectiveHub.Directives;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Numbering;

/// <summary>Finds (and locks, on PostgreSQL) the register that numbers a document of a type on a date.</summary>
public static class RegisterLookup
{
    /// <summary>
    /// The register covering <paramref name="date"/> for the issuer, type and confidentiality, locked for the rest of
    /// the transaction on PostgreSQL so that concurrent publications queue instead of racing. When the office has none,
    /// an open-ended term register starting that day is opened (the Party's rule), numbering from 01.
    /// </summary>
    public static async Task<NumberRegister> FindForUpdateAsync(AppDbContext db, Guid issuerId, string documentType, bool confidential, DateOnly date, CancellationToken cancellationToken)
    {
        var candidates = db.NumberRegisters.Where(r =>
            r.IssuerId == issuerId && r.DocumentType == documentType && r.IsConfidential == confidential
            && r.PeriodStart <= date && (r.PeriodEnd == null || r.PeriodEnd >= date));

        NumberRegister? register;
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var id = await candidates.OrderByDescending(r => r.PeriodStart).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            register = id is null
                ? null
                : await db.NumberRegisters.FromSql($"SELECT * FROM \"NumberRegisters\" WHERE \"Id\" = {id} FOR UPDATE").SingleAsync(cancellationToken);
        }
        else
        {
            // SQLite serializes writers; the register's concurrency token turns a lost race into a retry.
            register = await candidates.OrderByDescending(r => r.PeriodStart).FirstOrDefaultAsync(cancellationToken);
        }

        if (register is null)
        {
            register = new NumberRegister(issuerId, documentType, confidential, NumberingPeriod.Term, date, null);
            db.NumberRegisters.Add(register);
        }

        return register;
    }

    public static bool IsConfidential(Directive directive) => directive.Confidentiality != Confidentiality.None;
}
