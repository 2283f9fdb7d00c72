using System.Collections;
using System.Reflection;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>
/// One filter over every /api endpoint: each bound argument (route, query, body) and, inside a body, each property
/// down a few levels, is held to <see cref="InputBounds"/>: dates, page numbers, years, list lengths, control
/// characters. A breach is a 400 ValidationProblem naming the field, before any endpoint code runs.
/// </summary>
public static class ApiInputBounds
{
    private const int MaxDepth = 5;

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var isService = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var parameters = context.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(x => IsInput(x.Parameter, isService))
            .ToList();
        if (parameters.Count == 0)
        {
            return next;
        }

        return async invocation =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (parameter, index) in parameters)
            {
                var name = parameter.Name ?? "value";
                var value = index < invocation.Arguments.Count ? invocation.Arguments[index] : null;
                Inspect(IsBody(parameter) ? string.Empty : Camel(name), name, value, errors, 0);
            }

            return errors.Count > 0
                ? TypedResults.ValidationProblem(errors, title: "Dữ liệu không hợp lệ.")
                : await next(invocation);
        };
    }

    private static bool IsInput(ParameterInfo parameter, IServiceProviderIsService? isService)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken) || typeof(HttpContext).IsAssignableFrom(type) || type == typeof(HttpRequest) || type == typeof(HttpResponse)
            || type == typeof(System.Security.Claims.ClaimsPrincipal) || typeof(Stream).IsAssignableFrom(type) || typeof(IFormFile).IsAssignableFrom(type)
            || typeof(IFormFileCollection).IsAssignableFrom(type))
        {
            return false;
        }

        return parameter.GetCustomAttributes().All(a => a.GetType().Name != "FromServicesAttribute")
            && isService?.IsService(type) != true;
    }

    private static bool IsBody(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return !(type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateOnly)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(decimal));
    }

    private static void Inspect(string path, string name, object? value, Dictionary<string, string[]> errors, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return;
        }

        if (InputBounds.Check(name, value) is { } message)
        {
            errors[path.Length == 0 ? Camel(name) : path] = [message];
            return;
        }

        var type = value.GetType();
        if (value is string || type.IsPrimitive || type.IsEnum || value is Guid or decimal or DateOnly or DateTime or DateTimeOffset or TimeOnly)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var count = 0;
            foreach (var item in items)
            {
                if (++count > InputBounds.MaxListLength)
                {
                    errors[path] = [$"Danh sách không được quá {InputBounds.MaxListLength} phần tử."];
                    return;
                }

                Inspect($"{path}[{count - 1}]", name, item, errors, depth + 1);
            }

            return;
        }

        if (type.Namespace?.StartsWith("DirectiveHub", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.CanRead)
            {
                var child = path.Length == 0 ? Camel(property.Name) : path + "." + Camel(property.Name);
                Inspect(child, property.Name, property.GetValue(value), errors, depth + 1);
            }
        }
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
