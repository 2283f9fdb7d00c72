using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// Pages bind dates, page numbers and years through this: a value outside <see cref="InputBounds"/> is a model error
/// with a Vietnamese message and leaves the property as it was (page 1, no date filter), never an overflow later.
/// </summary>
public sealed class BoundedValueBinderProvider(IReadOnlyList<IModelBinderProvider> inner) : IModelBinderProvider
{
    private static readonly HashSet<Type> Bounded = [typeof(int), typeof(long), typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset)];

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (!Bounded.Contains(type))
        {
            return null;
        }

        // MVC's own providers, in their order, make the binder (a date is read day first, whatever the browser's
        // language); this one only checks the bound value.
        var binder = type == typeof(DateOnly) ? new VietnameseDateBinder() : inner.Select(p => p.GetBinder(context)).FirstOrDefault(b => b is not null);
        return binder is null ? null : new Binder(binder);
    }

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (!bindingContext.Result.IsModelSet)
            {
                return;
            }

            var name = bindingContext.ModelMetadata.PropertyName ?? bindingContext.ModelMetadata.ParameterName ?? bindingContext.FieldName;
            if (InputBounds.Check(name, bindingContext.Result.Model) is { } message)
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, message);
                bindingContext.Result = ModelBindingResult.Failed();
            }
        }
    }
}
