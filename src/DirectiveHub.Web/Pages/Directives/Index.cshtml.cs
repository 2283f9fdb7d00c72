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

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = db.Directives.AsNoTracking()
            .Where(d => d.IssuerId == user.OrganizationId)
            .Filter(new DirectiveFilter(Q, Type, Status, Year, Urgency));
        // Counted up to a cap: a word found in half of ten years' directives would otherwise be counted row by row on
        // every page view; past the cap the page asks for a narrower search instead.
        Total = await query.Take(MaxCounted + 1).CountAsync(cancellationToken);
        Rows = await query
            .NewestFirst(db.Provider)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(d => new Row(d.Id, d.Number, d.DocumentType, d.Subject, d.IssuedOn, d.Status, d.Urgency, d.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(Guid Id, string? Number, string DocumentType, string Subject, DateOnly? IssuedOn, DirectiveStatus Status, Urgency Urgency, DateTime UpdatedAt);
}
