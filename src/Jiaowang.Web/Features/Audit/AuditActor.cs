namespace Jiaowang.Web.Features.Audit;

/// <summary>The process's own name in the audit log when nobody else acts: <c>cli:&lt;os user&gt;</c> for the CLI, <c>system:web</c> for the web host.</summary>
public sealed record AuditProcess(string Actor);

/// <summary>
/// Who is acting, for the audit entries the database writes on its own: a background job's name while it runs (see
/// <see cref="Use"/>), else the signed-in user of the web request, else <c>anonymous</c> for a request without one
/// (a failed sign-in updates the account), else the process (<see cref="AuditProcess"/>). An actor given to
/// <see cref="AuditLog.SaveAsync"/> wins over all of these.
/// </summary>
public sealed class AuditActors(IServiceProvider services, AuditProcess process)
{
    static readonly AsyncLocal<string?> Scoped = new();
    readonly IHttpContextAccessor? http = services.GetService<IHttpContextAccessor>();

    /// <summary>Names the actor for the work that follows in this async flow, e.g. <c>system:automatic-reminders</c>.</summary>
    public static IDisposable Use(string actor)
    {
        var outer = Scoped.Value;
        Scoped.Value = actor;
        return new Restore(outer);
    }

    public string Current
    {
        get
        {
            if (Scoped.Value is { } scoped) return scoped;
            if (http?.HttpContext is { } context)
            {
                return context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";
            }
            return process.Actor;
        }
    }

    sealed class Restore(string? outer) : IDisposable
    {
        public void Dispose() => Scoped.Value = outer;
    }
}
