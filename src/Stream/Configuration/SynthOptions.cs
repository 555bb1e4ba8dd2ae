namespace StreamProcessor.Stream.Configuration;

/// <summary>The generated season of the embedded default (<c>stream data synth</c>).</summary>
public sealed record SynthOptions
{
    /// <summary>Seed of the generator; the same seed gives the same season.</summary>
    public int Seed { get; init; } = 42;
}
