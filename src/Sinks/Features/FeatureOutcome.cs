using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Sinks.Features;

/// <summary>A feature row together with what the player then did in that game, for training and backtests.</summary>
public sealed record FeatureOutcome(PlayerFeatures Features, double Points, double Minutes)
{
    public double Rebounds { get; init; }
    public double Assists { get; init; }
    public double ThreesMade { get; init; }

    /// <summary>The outcome for a prop.</summary>
    public double ValueOf(PropType prop) => prop.Select(Points, Rebounds, Assists, ThreesMade);
}
