using System.Globalization;
using DirectiveHub.Registers;
using DirectiveHub.Time;
using DirectiveHub.Web.Features.Registers;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Registers;

/// <summary>
/// What the register pages read from their address: which register, of which unit (one the user may see), for which
/// year or dates. A unit the user may not see is "not found"; bad dates are shown back with a Vietnamese message.
/// </summary>
public abstract class RegisterPageModel(RegisterBook book, RegisterTables tables, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public RegisterKind Register { get; private set; }

    public RegisterUnit Unit { get; private set; } = null!;

    public IReadOnlyList<RegisterUnit> Units { get; private set; } = [];

    public RegisterPeriod? Period { get; private set; }

    public RegisterTable? Table { get; private set; }

    public string Slug => RegisterTables.Slug(Register);

    /// <summary>The filter as route values, for the links between the page, the print view and the export.</summary>
    public Dictionary<string, string?> Route(RegisterKind? kind = null) => new()
    {
        ["kind"] = RegisterTables.Slug(kind ?? Register),
        ["org"] = Unit.Id.ToString(),
        ["year"] = From is null ? Year?.ToString(CultureInfo.InvariantCulture) : null,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <returns>Null when the page can render (with <see cref="Table"/> unless the dates were refused), else the result.</returns>
    protected async Task<IActionResult?> LoadAsync(int skip, int take, CancellationToken cancellationToken)
    {
        if (!RegisterTables.Kinds.TryGetValue(Kind ?? "outgoing", out var kind))
        {
            return NotFound();
        }

        Register = kind;
        var viewer = await user.GetViewerAsync(cancellationToken);
        var unit = await book.UnitAsync(viewer, Org ?? user.OrganizationId, cancellationToken);
        if (unit is null)
        {
            return NotFound();
        }

        Unit = unit;
        Units = await book.UnitsAsync(viewer, cancellationToken);
        var today = VietnamTime.Today(clock);
        Year ??= From is null && To is null ? today.Year : null;
        Period = RegisterPeriod.Parse(Year, From, To, today, out var error);
        if (error is { } refused)
        {
            ModelState.AddModelError(char.ToUpperInvariant(refused.Field[0]) + refused.Field[1..], refused.Message);
            return null;
        }

        Table = await tables.BuildAsync(kind, viewer, unit.Id, Period!, skip, take, cancellationToken);
        return null;
    }

    protected string FileName(string extension) =>
        $"{Slug}-{Unit.Name}-{(Period?.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : $"{Period?.From:yyyyMMdd}-{Period?.To:yyyyMMdd}")}.{extension}";
}
