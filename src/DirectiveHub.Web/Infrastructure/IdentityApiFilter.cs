using Microsoft.AspNetCore.Identity.Data;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Guards the endpoints of MapIdentityApi: self-registration is closed (administrators create accounts, each in an
/// organization), the account endpoints need a signed-in caller, and token sign-in is throttled like the login page.
/// </summary>
public sealed class IdentityApiFilter(LoginThrottle throttle) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var path = context.HttpContext.Request.Path;
        if (path.Value?.EndsWith("/register", StringComparison.OrdinalIgnoreCase) == true)
        {
            return TypedResults.NotFound();
        }

        // The group is anonymous so that login and refresh work; the account endpoints still need a signed-in caller.
        if (path.Value?.Contains("/manage/", StringComparison.OrdinalIgnoreCase) == true
            && context.HttpContext.User.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Unauthorized();
        }

        if (context.Arguments.OfType<LoginRequest>().FirstOrDefault() is not { } login)
        {
            return await next(context);
        }

        if (throttle.Check(context.HttpContext, login.Email) is { } wait)
        {
            LoginThrottle.SetRetryAfter(context.HttpContext.Response, wait);
            return TypedResults.Problem(
                title: "Quá nhiều lần đăng nhập. Vui lòng thử lại sau.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        var result = await next(context);

        // MapIdentityApi answers with a Results<…> union; the status is on the result inside.
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult { ProblemDetails.Detail: "RequiresTwoFactor" })
        {
            // The password was right; the caller must send the code.
            return result;
        }

        if (inner is IStatusCodeHttpResult { StatusCode: StatusCodes.Status401Unauthorized })
        {
            // Identity names the reason ("LockedOut", "NotAllowed", "Failed"): one answer for all, no enumeration.
            throttle.Failed(context.HttpContext, login.Email);
            return TypedResults.Problem(title: "Thư điện tử hoặc mật khẩu không đúng.", statusCode: StatusCodes.Status401Unauthorized);
        }

        throttle.Succeeded(context.HttpContext, login.Email);
        return result;
    }
}
