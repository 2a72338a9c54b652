using System.Runtime.CompilerServices;

namespace Jiaowang.Web.Shared;

/// <summary>
/// A number for a kept instance (a dashboard model, a plan's detail), the same for as long as the instance lives. Razor
/// <c>&lt;cache&gt;</c> sections are keyed by it, so a section can never outlive the model it was rendered from,
/// whatever was written while the model was being built: a new model gets a new number.
/// </summary>
public static class KeptVersion
{
    static readonly ConditionalWeakTable<object, StrongBox<long>> Versions = new();
    static long last;

    public static long Of(object kept) => Versions.GetValue(kept, _ => new StrongBox<long>(Interlocked.Increment(ref last))).Value;
}
