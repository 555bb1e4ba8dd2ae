using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Market;

namespace StreamProcessor.Systems.Prediction.Probability;

/// <summary>
/// The fitted <see cref="OverProbability"/> of each system for each prop (the default where none was fitted), and the
/// market-aware <see cref="MarketStack"/> used when a line comes with prices (the market's probability where none was fitted).
/// </summary>
public sealed class Calibrations(
    IReadOnlyDictionary<(PropType Prop, string SystemId), OverProbability> fitted,
    IReadOnlyDictionary<(PropType Prop, string SystemId), MarketStack>? stacks = null)
{
    public static Calibrations None { get; } = new(new Dictionary<(PropType, string), OverProbability>());

    public IReadOnlyDictionary<(PropType Prop, string SystemId), OverProbability> Fitted { get; } = fitted;

    public IReadOnlyDictionary<(PropType Prop, string SystemId), MarketStack> Stacks { get; } =
        stacks ?? new Dictionary<(PropType, string), MarketStack>();

    public OverProbability For(PropType prop, string systemId) => Fitted.GetValueOrDefault((prop, systemId), OverProbability.Default);

    public MarketStack? StackFor(PropType prop, string systemId) => Stacks.GetValueOrDefault((prop, systemId));
}
