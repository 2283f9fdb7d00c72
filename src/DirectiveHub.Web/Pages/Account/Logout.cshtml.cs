using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<AppUser> signInManager) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();

        // The page's script has already emptied this user's offline copies; the browser does it again here, for a
        // phone whose script did not run, so the next person on it sees none of them.
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        return RedirectToPage("/Account/Login");
    }
}
