namespace Jiaowang.Cli;

/// <summary>0: done; 1: something failed that is not the input's fault; 2: bad input, with one line saying what and where.</summary>
static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInputCode = 2;

    public static int BadInput(string message)
    {
        Console.Error.WriteLine(message);
        return BadInputCode;
    }
}
