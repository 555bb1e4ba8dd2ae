using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction.Probability;
using StreamProcessor.Systems.Prediction.Systems.Ensemble;
using StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

namespace StreamProcessor.Stream.Models;

/// <summary>
/// Everything <c>model train</c> learns, kept together because it is only valid together: one xgboost_v1 model per
/// prop (fitted on every game before the cut-off), and the ensemble weights and probability curves fitted on the
/// validation slice just before the cut-off.
/// </summary>
public sealed record TrainedModels
{
    public required IReadOnlyList<BoostedTreesModel> Models { get; init; }
    public required IReadOnlyDictionary<PropType, EnsembleWeights> EnsembleWeights { get; init; }
    public required Calibrations Calibrations { get; init; }

    /// <summary>The validation slice the weights and curves were fitted on (inclusive).</summary>
    public required DateOnly ValidationFrom { get; init; }
    public required DateOnly ValidationTo { get; init; }

    /// <summary>The real lines the market-aware stacks were fitted on (inclusive); null when none were loaded.</summary>
    public DateOnly? MarketFrom { get; init; }
    public DateOnly? MarketTo { get; init; }

    public BoostedTreesModel? Points => Models.FirstOrDefault(m => m.Prop == PropType.Points);

    /// <summary>The latest game any part was trained or fitted on.</summary>
    public DateOnly TrainedUntil => Models.Count == 0 ? ValidationTo : Models.Max(m => m.TrainedUntil);

    public string FeatureVersion => Models.FirstOrDefault()?.FeatureVersion ?? "";

    /// <summary>The points model's version, with the range of real lines its market-aware stacks were fitted on.</summary>
    public string Version => (Points?.Version ?? Models.FirstOrDefault()?.Version ?? "none") +
                             (MarketFrom is { } from && MarketTo is { } to && Calibrations.Stacks.Count > 0 ? $"+market@{from:yyyy-MM-dd}..{to:yyyy-MM-dd}" : "");
}
