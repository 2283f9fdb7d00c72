using DirectiveHub.Users;
using DirectiveHub.Web.Api;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Serilog;

namespace DirectiveHub.Web.Infrastructure;

public static class WebPipeline
{
    public static WebApplication UseDirectiveHubWeb(this WebApplication app)
    {
        var requireHttps = WebServices.RequireHttps(app.Configuration, app.Environment);

        // Pages get a Vietnamese error page; the API gets ProblemDetails. Neither ever shows a stack trace.
        app.UseWhen(IsApi, api => api.UseExceptionHandler());
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/Error");
            pages.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}");
        });

        if (requireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture("vi-VN");
            options.AddSupportedCultures("vi-VN");
            options.AddSupportedUICultures("vi-VN");
        });
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = ServiceWorkerHeaders.Apply });
        app.UseMiddleware<FirstRunGate>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseOfflineUserHeader();
        app.UseMiddleware<TwoFactorGate>();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();

        app.MapGroup("/api/auth").WithTags("Auth").AddEndpointFilter<IdentityApiFilter>().AllowAnonymous().MapIdentityApi<AppUser>();

        var api = app.MapGroup("/api").RequireAuthorization(Policies.Api);
        api.MapMeEndpoints();
        api.MapOrganizationEndpoints();
        api.MapDirectiveEndpoints();
        api.MapImportEndpoints();
        api.MapReceivingEndpoints();
        api.MapAdminEndpoints();
        api.MapDashboardEndpoints();
        api.MapWorkingCalendarEndpoints();
        api.MapExceptionEndpoints();

        app.MapCalendarFeed();
        app.MapOpenApi().RequireAuthorization(Policies.Api);
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
