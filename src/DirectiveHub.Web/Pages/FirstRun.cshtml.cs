using System.ComponentModel.DataAnnotations;
using DirectiveHub.Organizations;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages;

/// <summary>First run of an empty installation: the root organization and its first administrator. Gone once one exists.</summary>
public sealed class FirstRunModel(FirstAdministrator first, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string OrganizationCode { get; set; } = string.Empty;

    [BindProperty]
    public string OrganizationName { get; set; } = string.Empty;

    [BindProperty]
    public OrganizationKind Kind { get; set; } = OrganizationKind.ProvincialCommittee;

    [BindProperty]
    public string Symbol { get; set; } = "TU";

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    public string FullName { get; set; } = string.Empty;

    [BindProperty]
    // Renders type="password" and is never written back into the page after a failed post.
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await first.AnyAdministratorAsync(cancellationToken) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await first.AnyAdministratorAsync(cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(OrganizationCode) || string.IsNullOrWhiteSpace(OrganizationName) || !Email.Contains('@', StringComparison.Ordinal))
        {
            Errors = [localizer["FirstRunInvalid"]];
            return Page();
        }

        Errors = await first.CreateAsync(Email, FullName, Password, OrganizationCode, new RootOrganization(OrganizationName, Kind, Symbol, Place), "first-run", cancellationToken);
        if (Errors.Count > 0)
        {
            return Page();
        }

        TempData["Message"] = localizer["FirstRunDone"].Value;
        return RedirectToPage("/Account/Login");
    }
}
