using System.ComponentModel.DataAnnotations;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Account;

public sealed class LoginModel(
    SignInManager<AppUser> signInManager,
    LoginThrottle throttle,
    AuditTrail audit,
    AppDbContext db,
    IValidator<LoginModel.InputModel> validator,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, nameof(Input));
            return Page();
        }

        if (throttle.Check(HttpContext, Input.Email) is { } wait)
        {
            LoginThrottle.SetRetryAfter(Response, wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ErrorMessage = localizer["TooManySignIns"];
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: false);
        var user = await signInManager.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (result.Succeeded && user is not null)
        {
            throttle.Succeeded(HttpContext, Input.Email);
            audit.Record(AuditActions.SignedIn, nameof(AppUser), user.Id.ToString(), userId: user.Id, userName: user.Email, organizationId: user.OrganizationId);
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            throttle.Succeeded(HttpContext, Input.Email);
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl });
        }

        throttle.Failed(HttpContext, Input.Email);
        audit.Record(AuditActions.SignInFailed, nameof(AppUser), user?.Id.ToString(), new { result.IsLockedOut, result.IsNotAllowed }, user?.Id, Input.Email.Trim(), user?.OrganizationId);
        await db.SaveChangesAsync();
        // One message whatever the reason (wrong password, unknown, locked or deactivated account): no enumeration.
        ErrorMessage = localizer["InvalidSignIn"];
        return Page();
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = string.Empty;

        // Renders type="password" and is never written back into the page after a failed post.
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage(localizer["EmailRequired"]).EmailAddress().WithMessage(localizer["EmailInvalid"]).MaximumLength(256);
            RuleFor(x => x.Password).NotEmpty().WithMessage(localizer["PasswordRequired"]).MaximumLength(256);
        }
    }
}
