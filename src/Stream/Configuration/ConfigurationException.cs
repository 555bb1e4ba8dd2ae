namespace StreamProcessor.Stream.Configuration;

/// <summary>The configuration cannot be used; the message names the file, key or value, one line per problem.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message, Exception? inner = null) : base(message, inner) => Problems = [];

    public ConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Every problem found (empty when the file could not be read at all; the message says why).</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }
}
