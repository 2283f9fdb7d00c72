using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Directives;

/// <summary>The clerk's outgoing register: drafts and published directives of their organization, newest first.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser user) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public DirectiveStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Urgency? Urgency { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public const int MaxCounted = 1000;

    public int Total { get; private set; }

    public bool MoreThanCounted => Total > MaxCounted;

    /// <summary>With a search, pages go forward and back without a total (see <see cref="OnGetAsync"/>).</summary>
    public bool Searching => !string.IsNullOrWhiteSpace(Q);

    public bool HasNextPage { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var filter = new DirectiveFilter(Q, Type, Status, Year, Urgency);
        var query = db.Directives.AsNoTracking()
            .Where(d => d.IssuerId == user.OrganizationId)
            .Filter(filter);
        var page = query
            .RankedNewestFirst(filter, db.Provider)
            .Skip((PageNumber - 1) * PageSize)
            .Select(d => new Row(d.Id, d.Number, d.DocumentType, d.Subject, d.IssuedOn, d.Status, d.Urgency, d.UpdatedAt));
        if (Searching)
        {
            // A search is not counted: counting the matches of a common word examines years of rows on every page
            // view, while the page itself stops at its last row. One row more tells whether there is a next page,
            // and the last page knows its total.
            var rows = await page.Take(PageSize + 1).ToListAsync(cancellationToken);
            HasNextPage = rows.Count > PageSize;
            Rows = rows.Take(PageSize).ToList();
            Total = HasNextPage ? 0 : ((PageNumber - 1) * PageSize) + Rows.Count;
            return;
        }

        // The register itself is counted (cheaply, by the issuer index) up to a cap.
        Total = await query.Take(MaxCounted + 1).CountAsync(cancellationToken);
        Rows = await page.Take(PageSize).ToListAsync(cancellationToken);
    }

    public sealed record Row(Guid Id, string? Number, string DocumentType, string Subject, DateOnly? IssuedOn, DirectiveStatus Status, Urgency Urgency, DateTime UpdatedAt);
}
