namespace Jiaowang.Web.Shared;

/// <summary>How an enum value is written in the API and in page URLs: its name in camel case (Submitted → "submitted").</summary>
public static class ApiCode
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
