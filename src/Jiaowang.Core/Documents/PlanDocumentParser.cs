namespace Jiaowang.Core.Documents;

/// <summary>Parses the text of a Chinese government work plan (工作方案) into targets, tasks, units and phases.</summary>
public static class PlanDocumentParser
{
    public static ParsedPlan Parse(string text) => throw new NotImplementedException();
}
