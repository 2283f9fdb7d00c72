using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Dates typed on the pages read day first, as Vietnamese write them ("04/9/2021"), whatever the browser's language:
/// the date fields are text fields (see <c>DateInputTagHelper</c>), so this binder, not the browser, reads them. The
/// ISO form ("2021-09-04", what links and scripts send) and eight digits ("04092021", typed on a phone's number pad)
/// are read too; nothing else is guessed, so 01/12 is never taken for the 12th of January.
/// </summary>
public sealed class VietnameseDateBinder : IModelBinder
{
    public const string FormatMessage = "Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 04/09/2021.";

    private static readonly string[] Formats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d", "ddMMyyyy"];

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // An empty field is "no date": null where the date is optional, left as it was otherwise.
            if (Nullable.GetUnderlyingType(bindingContext.ModelType) is not null)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        if (TryParse(text, out var date))
        {
            bindingContext.Result = ModelBindingResult.Success(date);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, FormatMessage);
        }

        return Task.CompletedTask;
    }
}
