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

        if (context.Arguments.OfType<LoginRequest>().FirstOrDefault() is { } login
            && throttle.TryAttempt(context.HttpContext, login.Email) is { } wait)
        {
            LoginThrottle.SetRetryAfter(context.HttpContext.Response, wait);
            return TypedResults.Problem(
                title: "Quá nhiều lần đăng nhập. Vui lòng thử lại sau.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        return await next(context);
    }
}
