namespace Jiaowang.Web.Features.Operations;

/// <summary>The texts of Features/Operations (OperationsText.resx in Chinese, OperationsText.en.resx in English).</summary>
public sealed class OperationsText;
