namespace Jiaowang.Core.Documents;

/// <summary>Why a file could not be read as a plan.</summary>
public enum PlanReadErrorKind
{
    Missing,
    Empty,
    Binary,
    NoPlanStructure,
}

/// <summary>A file that is not a plan, with a one-line message in the current UI culture that names the file.</summary>
public sealed record PlanReadError(PlanReadErrorKind Kind, string File, string Message);

/// <summary>Either the plan read from a file, with the text it was read from, or why it could not be read.</summary>
public sealed record PlanReadResult(ParsedPlan? Plan, string? Text, PlanReadError? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>Reads a plan document from a file: UTF-8 text (as extracted from PDF) or Word .docx.</summary>
public static class PlanDocumentReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static PlanReadResult Read(string path) => throw new NotImplementedException();

    /// <summary>Reads an uploaded document given its file name and content.</summary>
    public static PlanReadResult Read(string fileName, byte[] content) => throw new NotImplementedException();
}
