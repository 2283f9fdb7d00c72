using DirectiveHub.Data;
using DirectiveHub.Text;

namespace DirectiveHub.Directives;

/// <summary>The filters of every directive list (outgoing, inbox, API), so "phong chong dich" finds the same everywhere.</summary>
public sealed record DirectiveFilter(string? Q = null, string? Type = null, DirectiveStatus? Status = null, int? Year = null, Urgency? Urgency = null);

public static class DirectiveSearch
{
    /// <summary>
    /// Diacritic- and case-insensitive search over number, subject, preamble and tasks: the query is folded like the
    /// stored <see cref="Directive.SearchText"/>, and on PostgreSQL a trigram index serves the substring match.
    /// </summary>
    public static IQueryable<Directive> Filter(this IQueryable<Directive> query, DirectiveFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var folded = VietnameseText.Fold(filter.Q.Trim());
            query = query.Where(d => d.SearchText.Contains(folded));
        }

        if (DocumentType.IsKnown(filter.Type))
        {
            query = query.Where(d => d.DocumentType == filter.Type);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (filter.Year is { } year and >= 1 and <= 9999)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            query = query.Where(d => d.IssuedOn >= from && d.IssuedOn <= to);
        }

        if (filter.Urgency is { } urgency)
        {
            query = query.Where(d => d.Urgency == urgency);
        }

        return query;
    }

    /// <summary>
    /// Newest first: published by issue date and number, drafts (no date yet) on top by last change. PostgreSQL puts
    /// nulls first in a descending order already, and then the order can walk the index on (IssuerId, IssuedOn, …)
    /// and stop at the page's last row; SQLite puts them last, so there the date is coalesced.
    /// </summary>
    public static IOrderedQueryable<Directive> NewestFirst(this IQueryable<Directive> query, DatabaseProvider provider) =>
        (provider == DatabaseProvider.Postgres ? query.OrderByDescending(d => d.IssuedOn) : query.OrderByDescending(d => d.IssuedOn ?? DateOnly.MaxValue))
            .ThenByDescending(d => d.Sequence)
            .ThenByDescending(d => d.CreatedAt);
}
