using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// A POST (or a named handler) that no handler of the page answers is 404: Razor Pages would otherwise render the
/// page with nothing loaded and fail. The error and status pages, re-executed for any method, are exempt.
/// </summary>
public sealed class UnknownHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var http = context.HttpContext;
        if (context.HandlerMethod is not null
            || http.Features.Get<IExceptionHandlerFeature>() is not null
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return;
        }

        var named = context.RouteData.Values.ContainsKey("handler") || http.Request.Query.ContainsKey("handler");
        if (named || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
