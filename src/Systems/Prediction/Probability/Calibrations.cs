using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Prediction.Probability;

/// <summary>The fitted <see cref="OverProbability"/> of each system for each prop; the default where none was fitted.</summary>
public sealed class Calibrations(IReadOnlyDictionary<(PropType Prop, string SystemId), OverProbability> fitted)
{
    public static Calibrations None { get; } = new(new Dictionary<(PropType, string), OverProbability>());

    public IReadOnlyDictionary<(PropType Prop, string SystemId), OverProbability> Fitted { get; } = fitted;

    public OverProbability For(PropType prop, string systemId) => Fitted.GetValueOrDefault((prop, systemId), OverProbability.Default);
}
