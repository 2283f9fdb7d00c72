using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DirectiveHub.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>
    /// The message of a date the binder could not read (<see cref="VietnameseDateBinder"/>), if any: a form holding
    /// one is shown again with it rather than acted on as if the field were empty.
    /// </summary>
    public static string? DateError(this ModelStateDictionary modelState) =>
        modelState.Values.SelectMany(v => v.Errors).FirstOrDefault(e => e.ErrorMessage == VietnameseDateBinder.FormatMessage)?.ErrorMessage;

    /// <summary>Copies FluentValidation errors into ModelState under the bound model's prefix, so the page shows them in place.</summary>
    public static void AddToModelState(this ValidationResult result, ModelStateDictionary modelState, string prefix)
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }

    /// <summary>The errors keyed by property path as FluentValidation names them ("Tasks[0].Text").</summary>
    public static Dictionary<string, string[]> ToErrors(this ValidationResult result) =>
        result.Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);

    public static void AddToModelState(this IReadOnlyDictionary<string, string[]> errors, ModelStateDictionary modelState, string prefix)
    {
        foreach (var (key, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(string.IsNullOrEmpty(prefix) ? key : $"{prefix}.{key}", message);
            }
        }
    }

    /// <summary>Keys camelCased ("tasks[0].text"), as the API's ValidationProblemDetails carries them.</summary>
    public static Dictionary<string, string[]> ToCamelCaseKeys(this IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => CamelCase(e.Key), e => e.Value, StringComparer.Ordinal);

    private static string CamelCase(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
