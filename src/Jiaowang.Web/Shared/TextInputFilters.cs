using System.Collections;
using System.Reflection;
using Jiaowang.Core.Input;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Shared;

/// <summary>
/// The input rule of <see cref="TextInput"/> applied to everything people send, once, so that no handler can forget it:
/// every string an API endpoint binds (query, route, and every string inside the request records) and every string a
/// page binds. A refusal names the field: 400 problem details with <c>errors: {field: [message]}</c> for the API, and a
/// 400 page listing the fields for forms.
/// </summary>
public static class TextInputFilters
{
    /// <summary>Where the page filter leaves the messages for the error page to show.</summary>
    public const string PageErrorsKey = "Jiaowang.TextInputErrors";

    public static IServiceCollection AddTextInputRule(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<TextInputPageFilter>());
        return services;
    }

    /// <summary>The group every API endpoint is mapped under: the rule is on the group, so a new endpoint cannot miss it.</summary>
    public static RouteGroupBuilder MapCheckedInput(this IEndpointRouteBuilder app) =>
        app.MapGroup("").AddEndpointFilterFactory((factory, next) =>
        {
            var parameters = factory.MethodInfo.GetParameters();
            var checkedAt = Enumerable.Range(0, parameters.Length).Where(i => IsChecked(parameters[i].ParameterType)).ToArray();
            if (checkedAt.Length == 0) return next;
            return async context =>
            {
                var errors = new Dictionary<string, string[]>();
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                foreach (var i in checkedAt)
                {
                    var value = context.Arguments[i];
                    // A request record is the body itself: its fields are named as in the JSON; a plain string by its parameter.
                    Check(value, value is string ? parameters[i].Name! : "", errors, text, depth: 0);
                }
                return errors.Count == 0 ? await next(context) : TypedResults.ValidationProblem(errors);
            };
        });

    /// <summary>Strings, and the records requests are made of (not services, not the database).</summary>
    static bool IsChecked(Type type) =>
        type == typeof(string) || IsRecord(type) || (type.IsArray && IsChecked(type.GetElementType()!))
        || (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var item] && IsChecked(item));

    static bool IsRecord(Type type) => type.IsClass && type.GetMethod("<Clone>$") is not null;

    internal static void Check(object? value, string field, Dictionary<string, string[]> errors, IStringLocalizer text, int depth, bool anyModel = false)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                if (TextInput.Check(s) is var problem and not TextProblem.None)
                {
                    errors[field] = [problem == TextProblem.TooLong
                        ? text["Text.TooLong", field, TextInput.MaxLength, s.Length].Value
                        : text["Text." + problem, field].Value];
                }
                return;
            case IFormFile or IFormFileCollection or Stream:
                return;
            case IEnumerable items when depth < 4:
                var index = 0;
                foreach (var item in items) Check(item, $"{field}[{index++}]", errors, text, depth + 1, anyModel);
                return;
        }
        var type = value.GetType();
        if (depth >= 4 || !(IsRecord(type) || anyModel && type.IsClass && type.Namespace?.StartsWith("Jiaowang", StringComparison.Ordinal) == true)) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0) continue;
            var name = anyModel ? property.Name : JsonName(property.Name);
            Check(property.GetValue(value), field.Length == 0 ? name : $"{field}.{name}", errors, text, depth + 1, anyModel);
        }
    }

    static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>
/// The same rule for Razor page forms: a bound property or handler argument with bad text stops the handler (most
/// handlers save what they are given) and the person gets a 400 page naming each field.
/// </summary>
public sealed class TextInputPageFilter(IStringLocalizer<SharedResource> text) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || context.HandlerInstance is not PageModel page)
        {
            await next();
            return;
        }
        var errors = new Dictionary<string, string[]>();
        foreach (var property in context.ActionDescriptor.BoundProperties.OfType<Microsoft.AspNetCore.Mvc.Infrastructure.IPropertyInfoParameterDescriptor>())
        {
            TextInputFilters.Check(property.PropertyInfo.GetValue(page), property.PropertyInfo.Name, errors, text, depth: 0, anyModel: true);
        }
        foreach (var (name, value) in context.HandlerArguments)
        {
            TextInputFilters.Check(value, name, errors, text, depth: 0, anyModel: true);
        }
        if (errors.Count == 0)
        {
            await next();
            return;
        }
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages) page.ModelState.AddModelError(field, message);
        }
        context.HttpContext.Items[TextInputFilters.PageErrorsKey] = errors.SelectMany(e => e.Value).ToList();
        context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status400BadRequest);
    }
}
