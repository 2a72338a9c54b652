namespace Jiaowang.Web.Features.Meetings;

/// <summary>Marker for the meetings feature's strings: MeetingsText.resx (Chinese, neutral) and MeetingsText.en.resx.</summary>
public sealed class MeetingsText;
