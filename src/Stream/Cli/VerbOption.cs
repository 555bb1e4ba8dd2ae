namespace StreamProcessor.Stream.Cli;

/// <summary>An option or flag a verb takes: <c>--date D</c> (with a value) or <c>--force</c> (a flag), and what it does.</summary>
public sealed record VerbOption(string Name, string? Value, string Description)
{
    public bool IsFlag => Value is null;

    public string Usage => IsFlag ? $"--{Name}" : $"--{Name} {Value}";
}
