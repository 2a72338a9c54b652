namespace Jiaowang.Core.Reporting;

/// <summary>The office's assignment of a target to a unit that reports its readings (指标分解到单位).</summary>
public class TargetUnit
{
    public int TargetId { get; set; }
    public int UnitId { get; set; }
}
