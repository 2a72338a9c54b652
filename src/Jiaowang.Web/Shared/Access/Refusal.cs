using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using System.Reflection;

namespace Jiaowang.Web.Shared.Access;

/// <summary>Why an action was not done, in the words every feature uses; each kind has one HTTP status.</summary>
public enum RefusalKind
{
    /// <summary>The request itself is wrong: a field is missing or out of range (400).</summary>
    Invalid,
    /// <summary>The caller may not do this to a thing they may see (403).</summary>
    Forbidden,
    /// <summary>No such thing, or the caller may not know that it exists (404).</summary>
    NotFound,
    /// <summary>The thing is not in a state that allows the action, or someone changed it first (409).</summary>
    Conflict,
}

/// <summary>A refusal with its reason in the caller's language, and for <see cref="RefusalKind.Invalid"/> the fields it is about.</summary>
public sealed record Refusal(RefusalKind Kind, string Message, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Refusal NotFound(string message) => new(RefusalKind.NotFound, message);
    public static Refusal Forbidden(string message) => new(RefusalKind.Forbidden, message);
    public static Refusal Conflict(string message) => new(RefusalKind.Conflict, message);
    public static Refusal Invalid(string field, string message) => new(RefusalKind.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });
    public static Refusal Invalid(IReadOnlyDictionary<string, string[]> errors, string message) => new(RefusalKind.Invalid, message, errors);

    /// <summary>Every message, one per line a page shows: the fields' for an invalid request, else the one reason.</summary>
    public IReadOnlyList<string> Messages => Errors is { } errors ? errors.Values.SelectMany(m => m).ToList() : [Message];

    public int Status => Kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>The one translation to HTTP: RFC 7807 problem details, validation problems with their fields.</summary>
    public Refused ToHttp() => new(this);
}

/// <summary>"Done with a value, or refused and why": what actions return to the API and to the pages alike.</summary>
public readonly record struct Outcome<T>
{
    public Outcome(T value) => Value = value;
    public Outcome(Refusal refusal) => Refusal = refusal;

    public T? Value { get; }
    public Refusal? Refusal { get; }
    public bool Succeeded => Refusal is null;

    public static implicit operator Outcome<T>(T value) => new(value);
    public static implicit operator Outcome<T>(Refusal refusal) => new(refusal);
}

/// <summary>
/// The HTTP result of a <see cref="Refusal"/>. As a declared result (<c>Results&lt;Ok&lt;T&gt;, Refused&gt;</c>) it
/// lists the problem-details responses in the OpenAPI document, so a generated client knows what a refusal looks like.
/// </summary>
public sealed class Refused(Refusal refusal) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public Refusal Refusal { get; } = refusal;
    public int? StatusCode => Refusal.Status;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        IResult result = Refusal.Errors is { } errors
            ? TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value)) { Status = Refusal.Status, Detail = Refusal.Message })
            : TypedResults.Problem(Refusal.Message, statusCode: Refusal.Status);
        return result.ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        foreach (var status in new[] { StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict })
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
    }
}
