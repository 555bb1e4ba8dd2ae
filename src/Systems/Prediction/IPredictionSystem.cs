namespace StreamProcessor.Systems.Prediction;

/// <summary>
/// The one contract every prediction system honours: a pure function from what is known before
/// the game to a point prediction with a 0-100 confidence, or a typed failure. Systems never
/// throw for expected conditions (thin history, missing model); they return a <see cref="SystemFailure"/>.
/// </summary>
public interface IPredictionSystem
{
    /// <summary>The id written to <c>system_id</c>, e.g. <c>moving_average</c>.</summary>
    string Id { get; }

    /// <summary>
    /// True for systems that combine other systems' predictions; they run after the base
    /// systems and read <see cref="PredictionInput.BasePredictions"/>.
    /// </summary>
    bool CombinesOtherSystems => false;

    SystemResult Predict(PredictionInput input);
}
