namespace Jiaowang.Web.Features.Spreadsheets;

/// <summary>Marker for the Excel feature's strings: SpreadsheetText.resx (Chinese, neutral) and SpreadsheetText.en.resx.</summary>
public sealed class SpreadsheetText;
