namespace Jiaowang.Web.Shared;

/// <summary>Marker for the UI strings in SharedResource.resx (Chinese) and SharedResource.en.resx (English).</summary>
public sealed class SharedResource;
