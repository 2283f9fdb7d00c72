using DirectiveHub.Users;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Administrators must sign in with a second factor (Security:RequireTwoFactorForAdmins, on unless turned off): until
/// one has set up an authenticator app, every page but the account pages leads to the set-up page, and the API
/// answers 403. Real static files never get here (UseStaticFiles answers them first); any other path with a dot in
/// it, such as /openapi/v1.json, is behind the gate like the rest.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next, IConfiguration configuration)
{
    public const string EnabledClaim = "dh:2fa";

    private readonly bool _required = IsRequired(configuration);

    public static bool IsRequired(IConfiguration configuration) => configuration.GetValue("Security:RequireTwoFactorForAdmins", true);

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        var path = context.Request.Path;
        if (!_required
            || user.Identity?.IsAuthenticated != true
            || !user.IsInRole(Roles.Admin)
            || user.HasClaim(EnabledClaim, "true")
            || path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/auth", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(
                new { title = "Quản trị viên phải bật xác thực hai lớp trước khi dùng hệ thống.", status = 403 },
                options: null,
                contentType: "application/problem+json",
                cancellationToken: context.RequestAborted);
            return;
        }

        context.Response.Redirect("/Account/TwoFactor?required=true");
    }
}
