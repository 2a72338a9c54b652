namespace Jiaowang.Web.Shared.Reporting;

/// <summary>Configuration section <c>Reporting</c>.</summary>
public sealed class ReportingOptions
{
    /// <summary>Day of the following month a monthly report is due (1–28); 5 by default.</summary>
    public int DeadlineDay { get; set; } = 5;
}
