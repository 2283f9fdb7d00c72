using System.Globalization;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages;

/// <summary>
/// The pages' answer to an exception, by its kind (<see cref="FaultClassifier"/>): a lost race (409), the database
/// away (503: the browser restores what the user typed when they go back, see site.js), a bad request, or a fault.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Status { get; private set; } = StatusCodes.Status500InternalServerError;

    public string? Title { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is not { } exception)
        {
            return;
        }

        var fault = FaultClassifier.Classify(exception);
        ApiExceptionHandler.Log(logger, HttpContext, exception, fault);
        Status = fault.Status;
        Title = fault.Status == StatusCodes.Status500InternalServerError ? null : fault.Title;
        Response.StatusCode = fault.Status;
        if (fault.Status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = FaultClassifier.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
