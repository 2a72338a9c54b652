namespace Jiaowang.Web.Shared;

/// <summary>Programs get RFC 7807 problem details; people get a page in their language.</summary>
public static class ErrorHandling
{
    public static IServiceCollection AddJiaowangErrors(this IServiceCollection services) =>
        services.AddProblemDetails().AddExceptionHandler<ConflictExceptionHandler>();

    public static WebApplication UseJiaowangErrors(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            if (!app.Environment.IsDevelopment()) pages.UseExceptionHandler("/error/500");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
