using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// The API's answer to an exception: a ProblemDetails with the status <see cref="FaultClassifier"/> gives, the field
/// when known, Retry-After on 503. Pages are left to the error page. Only real faults (500) are logged as errors.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!WebPipeline.IsApi(httpContext))
        {
            return false;
        }

        var fault = FaultClassifier.Classify(exception);
        Log(logger, httpContext, exception, fault);
        httpContext.Response.StatusCode = fault.Status;
        if (fault.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = FaultClassifier.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        var details = new ProblemDetails { Status = fault.Status, Title = fault.Title, Detail = fault.Status == 500 ? null : fault.Detail };
        if (fault.Field is { } field)
        {
            details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [fault.Detail ?? fault.Title] };
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    public static void Log(ILogger logger, HttpContext context, Exception exception, FaultClassifier.Fault fault)
    {
        if (fault.Status >= 500 && fault.Status != StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogError(exception, "Unhandled fault on {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        else if (fault.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("Database unavailable on {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, exception.GetBaseException().Message);
        }
        else
        {
            logger.LogInformation("Refused {Method} {Path} with {Status}: {Reason}", context.Request.Method, context.Request.Path, fault.Status, exception.GetBaseException().Message);
        }
    }
}
