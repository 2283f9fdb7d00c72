using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or one of the recovery codes.</summary>
public sealed class LoginWith2faModel(
    SignInManager<AppUser> signInManager,
    LoginThrottle throttle,
    AuditTrail audit,
    AppDbContext db,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (throttle.Check(HttpContext, user.Email ?? user.Id.ToString()) is { } wait)
        {
            LoginThrottle.SetRetryAfter(Response, wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ErrorMessage = localizer["TooManySignIns"];
            return Page();
        }

        var usedRecovery = !string.IsNullOrWhiteSpace(RecoveryCode);
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (usedRecovery)
        {
            result = await signInManager.TwoFactorRecoveryCodeSignInAsync(RecoveryCode!.Replace(" ", string.Empty, StringComparison.Ordinal));
        }
        else if (!string.IsNullOrWhiteSpace(Code))
        {
            result = await signInManager.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", string.Empty, StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        }
        else
        {
            ErrorMessage = localizer["TwoFactorCodeRequired"];
            return Page();
        }

        if (result.Succeeded)
        {
            throttle.Succeeded(HttpContext, user.Email ?? user.Id.ToString());
            audit.Record(AuditActions.SignedIn, nameof(AppUser), user.Id.ToString(), new { TwoFactor = usedRecovery ? "RecoveryCode" : "Authenticator" }, user.Id, user.Email, user.OrganizationId);
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        throttle.Failed(HttpContext, user.Email ?? user.Id.ToString());
        audit.Record(AuditActions.SignInFailed, nameof(AppUser), user.Id.ToString(), new { TwoFactor = true, result.IsLockedOut }, user.Id, user.Email, user.OrganizationId);
        await db.SaveChangesAsync();
        ErrorMessage = localizer["TwoFactorCodeInvalid"];
        return Page();
    }
}
