namespace Jiaowang.Web.Features.Dashboard;

/// <summary>Marker for the dashboard's strings: DashboardText.resx (Chinese, neutral) and DashboardText.en.resx.</summary>
public sealed class DashboardText;
