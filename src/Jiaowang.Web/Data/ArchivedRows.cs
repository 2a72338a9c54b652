using System.Linq.Expressions;
using Jiaowang.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace Jiaowang.Web.Data;

/// <summary>
/// What a plan revision removed is archived, not deleted: hidden from every current view by these query filters, read
/// through <c>IgnoreQueryFilters</c> by history. The list is kept here, once, because two models carry it: the one
/// <c>OnModelCreating</c> builds, and the compiled models (<c>Data/CompiledModels</c>), which EF cannot generate with
/// query filters in them, so they are left out at design time and put back when a compiled model is loaded.
/// </summary>
static class ArchivedRows
{
    static readonly (Type Entity, LambdaExpression Filter)[] Filters =
    [
        (typeof(TargetGroup), (Expression<Func<TargetGroup, bool>>)(g => g.ArchivedAt == null)),
        (typeof(Target), (Expression<Func<Target, bool>>)(t => t.ArchivedAt == null)),
        (typeof(TaskGroup), (Expression<Func<TaskGroup, bool>>)(g => g.ArchivedAt == null)),
        (typeof(PlanTask), (Expression<Func<PlanTask, bool>>)(t => t.ArchivedAt == null)),
        (typeof(Phase), (Expression<Func<Phase, bool>>)(p => p.ArchivedAt == null)),
    ];

    /// <summary>The filters on the model being built; skipped at design time, where the compiled models are made.</summary>
    public static void HideIn(ModelBuilder model)
    {
        if (EF.IsDesignTime) return;
        foreach (var (entity, filter) in Filters) model.Entity(entity).HasQueryFilter(filter);
    }

    /// <summary>
    /// The same filters on a compiled model, as it is loaded. The annotation and its types are EF's own (internal API,
    /// EF1001): the compiled model's tests compare the result with the model <c>OnModelCreating</c> builds, filters
    /// included, so a change in EF shows there first.
    /// </summary>
    public static void HideIn(RuntimeModel model)
    {
#pragma warning disable EF1001
        foreach (var (entity, filter) in Filters)
        {
            var type = (RuntimeEntityType)((IModel)model).FindEntityType(entity)!;
            type.AddAnnotation(CoreAnnotationNames.QueryFilter, new QueryFilterCollection([new RuntimeQueryFilter(null!, filter)]));
        }
#pragma warning restore EF1001
    }
}
