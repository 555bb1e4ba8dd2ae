using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.Breakers;

/// <summary>
/// Which breaker: one per system and prop, so that a system failing for one prop (a missing threes model) keeps
/// predicting the others. Written as <c>xgboost_v1/threes</c>.
/// </summary>
public readonly record struct BreakerKey(string SystemId, PropType Prop)
{
    public override string ToString() => $"{SystemId}/{Prop.Code()}";
}
