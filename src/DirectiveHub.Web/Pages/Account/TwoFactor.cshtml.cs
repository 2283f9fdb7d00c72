using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace DirectiveHub.Web.Pages.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app: set up (key and QR code), confirm with a first code, recovery codes
/// shown once, new recovery codes, and turning it off (not for administrators while it is required of them).
/// </summary>
public sealed class TwoFactorModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AuditTrail audit,
    AppDbContext db,
    IConfiguration configuration,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int RecoveryCodeCount = 10;

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    [BindProperty]
    public string Code { get; set; } = string.Empty;

    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public string SharedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public bool MayDisable => !(User.IsInRole(Roles.Admin) && TwoFactorGate.IsRequired(configuration));

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code))
        {
            Error = localizer["TwoFactorCodeInvalid"];
            await LoadAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await Audited(user, new { TwoFactor = "Enabled" });

        // The new claim lifts the administrators' gate at once.
        await signIn.RefreshSignInAsync(user);
        Message = localizer["TwoFactorEnabledNow"];
        Required = false;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await Audited(user, new { TwoFactor = "RecoveryCodesRenewed" });
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!MayDisable)
        {
            Error = localizer["TwoFactorRequiredForAdmins"];
            await LoadAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await Audited(user, new { TwoFactor = "Disabled" });
        await signIn.RefreshSignInAsync(user);
        Message = localizer["TwoFactorDisabledNow"];
        await LoadAsync();
        return Page();
    }

    private async Task Audited(AppUser user, object details)
    {
        audit.Record(AuditActions.SettingChanged, nameof(AppUser), user.Id.ToString(), details, user.Id, user.Email, user.OrganizationId);
        await db.SaveChangesAsync();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
            }

            SharedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
            var uri = $"otpauth://totp/DirectiveHub:{Uri.EscapeDataString(user.Email ?? user.Id.ToString())}?secret={key}&issuer=DirectiveHub&digits=6";
            using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        }

        return true;
    }
}
