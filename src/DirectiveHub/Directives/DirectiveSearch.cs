using DirectiveHub.Data;
using DirectiveHub.Text;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Directives;

public static class DirectiveSearch
{
    /// <summary>Words of a query beyond these are ignored: a query is a few words, not a paragraph.</summary>
    public const int MaxWords = 12;

    /// <summary>The stored <see cref="Directive.SearchText"/> of these parts (number, subject, preamble, tasks).</summary>
    public static string SearchTextOf(IEnumerable<string?> parts) =>
        VietnameseText.SearchForm(string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p))));

    /// <summary>
    /// Search by words over number, subject, preamble and tasks, diacritics, case and punctuation ignored: every word
    /// of the query must be a whole word of the directive, in any order, and the last one may be the start of a word
    /// (the user is still typing it). "phong chong dich" finds "phòng, chống dịch"; "114 cv" finds 114-CV/HU.
    /// Each word is a substring condition on the stored search form (words between spaces), which the trigram index
    /// serves on PostgreSQL and the same expression answers on SQLite.
    /// </summary>
    public static IQueryable<Directive> Filter(this IQueryable<Directive> query, DirectiveFilter filter)
    {
        var words = VietnameseText.Words(filter.Q).Take(MaxWords).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var needle = i == words.Count - 1 ? " " + words[i] : " " + words[i] + " ";

            // A literal, not a parameter: with automatic preparation PostgreSQL would otherwise settle on a generic
            // plan whose guess for "LIKE $1" (a row or two) sends a common word through the trigram index and a sort
            // of every match (195 ms instead of 4 ms); a literal is estimated from the index's statistics each time.
            query = query.Where(d => d.SearchText.Contains(EF.Constant(needle)));
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
    /// Newest first, but with a search, the directives whose number is the query come first: "114-cv/hu" or "114"
    /// puts 114-CV/HU above the directives that only mention it.
    /// </summary>
    public static IOrderedQueryable<Directive> RankedNewestFirst(this IQueryable<Directive> query, DirectiveFilter filter, DatabaseProvider provider)
    {
        var q = filter.Q?.Trim();

        // Every number has digits: a query without one cannot be a number, and then the plain newest-first order
        // lets PostgreSQL walk the issuer's index and stop at the page's last match, instead of sorting every match
        // (117 ms to 4 ms for a word in half of a district's 4,600 directives, docs/benchmarks.md).
        if (string.IsNullOrEmpty(q) || !q.Any(char.IsAsciiDigit))
        {
            return query.NewestFirst(provider);
        }

        var symbol = q.StartsWith("số", StringComparison.OrdinalIgnoreCase) || q.StartsWith("so ", StringComparison.OrdinalIgnoreCase) ? q[2..].TrimStart(':', ' ') : q;
        symbol = string.Concat(symbol.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        int? sequence = int.TryParse(symbol, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var ranked = query.OrderByDescending(d => d.Number == symbol || (sequence != null && d.Sequence == sequence));
        return (provider == DatabaseProvider.Postgres ? ranked.ThenByDescending(d => d.IssuedOn) : ranked.ThenByDescending(d => d.IssuedOn ?? DateOnly.MaxValue))
            .ThenByDescending(d => d.Sequence)
            .ThenByDescending(d => d.CreatedAt);
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
