using DirectiveHub.Users;
using DirectiveHub.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Serilog;

namespace DirectiveHub.Web.Infrastructure;

public static class WebPipeline
{
    public static WebApplication UseDirectiveHubWeb(this WebApplication app)
    {
        var requireHttps = WebServices.RequireHttps(app.Configuration, app.Environment);
        if (ProxySettings.Enabled(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        // Outermost, so it logs the status the caller got (409, 503, 499 for a client that left) rather than
        // every exception as a 500. The request line names the path; SecretRedaction (an enricher of this logger)
        // hides the calendar secret in it.
        app.UseSerilogRequestLogging(options =>
        {
            options.GetLevel = RequestLogLevel;
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
        });

        // Pages get a Vietnamese error page; the API gets ProblemDetails. Neither ever shows a stack trace.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => FaultClassifier.Classify(exception).Status,
                SuppressDiagnosticsCallback = _ => true,
            });

            // An empty 4xx (404, 401, 405 …) still gets a ProblemDetails body.
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                StatusCodeSelector = exception => FaultClassifier.Classify(exception).Status,
                SuppressDiagnosticsCallback = _ => true,
            });
            pages.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}");
        });

        if (requireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
            app.UseMiddleware<HttpsRequired>();
        }

        app.UseDirectiveHubCompression();
        app.UseSecurityHeaders();
        app.UseMiddleware<InputSanitizer>();
        app.UseDirectiveHubMetrics();
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

        var api = app.MapGroup("/api").RequireAuthorization(Policies.Api).AddEndpointFilterFactory(ApiInputBounds.Create);
        api.MapMeEndpoints();
        api.MapOrganizationEndpoints();
        api.MapDirectiveEndpoints();
        api.MapImportEndpoints();
        api.MapReceivingEndpoints();
        api.MapTaskLifecycleEndpoints();
        api.MapAdminEndpoints();
        api.MapDashboardEndpoints();
        api.MapWorkingCalendarEndpoints();
        api.MapExceptionEndpoints();
        api.MapRegisterEndpoints();
        api.MapReportEndpoints();
        api.MapExchangeEndpoints();
        app.MapExchangeDelivery();

        app.MapCalendarFeed();
        app.MapOpenApi().RequireAuthorization(Policies.Api);
        app.MapRazorPages();
        return app;
    }

    private static Serilog.Events.LogEventLevel RequestLogLevel(HttpContext context, double elapsed, Exception? exception) =>
        context.RequestAborted.IsCancellationRequested && (exception is null or OperationCanceledException)
            ? Serilog.Events.LogEventLevel.Information
            : exception is not null || context.Response.StatusCode is >= 500 and not 503
                ? Serilog.Events.LogEventLevel.Error
                : Serilog.Events.LogEventLevel.Information;

    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
