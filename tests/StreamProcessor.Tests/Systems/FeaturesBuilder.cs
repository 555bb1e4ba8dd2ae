using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Tests.Systems;

/// <summary>Builds a <see cref="PlayerFeatures"/> row with every feature missing except those set.</summary>
internal sealed class FeaturesBuilder
{
    public static readonly DateOnly Tonight = new(2025, 2, 12);

    private readonly double[] _values = Enumerable.Repeat(double.NaN, FeatureCatalog.Count).ToArray();
    private string _player = "a-b";
    private DateOnly _date = Tonight;
    private string _version = FeatureCatalog.Version;

    public FeaturesBuilder With(Feature feature, double value)
    {
        _values[(int)feature] = value;
        return this;
    }

    public FeaturesBuilder For(string player)
    {
        _player = player;
        return this;
    }

    public FeaturesBuilder On(DateOnly date)
    {
        _date = date;
        return this;
    }

    public FeaturesBuilder WithVersion(string version)
    {
        _version = version;
        return this;
    }

    public PlayerFeatures Build() =>
        new(new PlayerDate(_player, _date), "20250212_LAL_GSW", "Lakers", "Warriors", (double[])_values.Clone(), _version);

    public PredictionInput Input(IReadOnlyList<HistoricalGame>? history = null, IReadOnlyList<SystemPrediction>? basePredictions = null) =>
        Inputs.For(Build(), history, basePredictions);
}

internal static class Inputs
{
    public static PredictionInput For(
        PlayerFeatures features, IReadOnlyList<HistoricalGame>? history = null, IReadOnlyList<SystemPrediction>? basePredictions = null) => new()
    {
        Request = new PredictionRequest
        {
            RequestId = "test",
            PlayerLookup = features.PlayerLookup,
            GameDate = features.GameDate,
            GameId = features.GameId,
            LineValues = [20.5],
        },
        Features = features,
        History = history ?? [],
        BasePredictions = basePredictions ?? [],
    };
}
