namespace Jiaowang.Web.Features.Evaluations;

/// <summary>Marker for the satisfaction vote's strings: EvaluationsText.resx (Chinese, neutral) and EvaluationsText.en.resx.</summary>
public sealed class EvaluationsText;
