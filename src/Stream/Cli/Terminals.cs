namespace StreamProcessor.Stream.Cli;

/// <summary>Which of stdout and stderr a person is watching: live progress bars and readable logs there, plain lines elsewhere.</summary>
public readonly record struct Terminals(bool Output, bool Error)
{
    public static Terminals OfConsole() => new(!Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
