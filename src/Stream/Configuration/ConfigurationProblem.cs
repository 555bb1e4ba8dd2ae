namespace StreamProcessor.Stream.Configuration;

/// <summary>
/// One thing wrong with the configuration, as a user can fix it: where it was set (the file, or the environment
/// variable), the key as written there (<c>pipeline.bounded_capacity</c>), and what is allowed instead.
/// </summary>
public sealed record ConfigurationProblem(string Source, string Key, string Problem)
{
    public override string ToString() => $"{Source}: {Key}: {Problem}";
}
