using System.ComponentModel.DataAnnotations;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Account;

/// <summary>Where an invitation or reset link lands: the person chooses their password; the link works once.</summary>
public sealed class SetPasswordModel(UserManager<AppUser> users, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = string.Empty;

    [BindProperty]
    // Renders type="password" and is never written back into the page after a failed post.
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public string Confirm { get; set; } = string.Empty;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Password != Confirm)
        {
            Errors = [localizer["PasswordsDiffer"]];
            return Page();
        }

        var target = await users.FindByIdAsync(UserId.ToString());
        var result = target is null || target.IsDeactivated
            ? IdentityResult.Failed(new IdentityError { Description = localizer["LinkInvalid"] })
            : await users.ResetPasswordAsync(target, Token, Password);
        if (!result.Succeeded)
        {
            Errors = result.Errors.Select(e => e.Code == "InvalidToken" ? localizer["LinkInvalid"].Value : e.Description).ToList();
            return Page();
        }

        TempData["Message"] = localizer["PasswordSet"].Value;
        return RedirectToPage("/Account/Login");
    }
}
