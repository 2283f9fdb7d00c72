using DirectiveHub.Users;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Until an administrator exists, every page leads to the first-run page (health checks and static files excepted);
/// once one exists the answer is remembered and the check costs nothing.
/// </summary>
public sealed class FirstRunGate(RequestDelegate next)
{
    // One middleware instance per app: the flag is per installation, not per process.
    private volatile bool _administratorExists;

    public async Task InvokeAsync(HttpContext context, FirstAdministrator first)
    {
        var path = context.Request.Path;
        if (_administratorExists || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/FirstRun", StringComparison.OrdinalIgnoreCase) || Path.HasExtension(path.Value))
        {
            await next(context);
            return;
        }

        if (await first.AnyAdministratorAsync(context.RequestAborted))
        {
            _administratorExists = true;
            await next(context);
            return;
        }

        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new { title = "Chưa có quản trị viên: hãy hoàn tất cài đặt tại /FirstRun." }, context.RequestAborted);
            return;
        }

        context.Response.Redirect("/FirstRun");
    }
}
