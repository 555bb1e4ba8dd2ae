namespace StreamProcessor.Systems.Prediction.Probability;

/// <summary>
/// Gives a system's predictions the probability curve fitted for it (and the request's prop), leaving everything
/// else as the system made it. The one place calibration is applied, so every system stays a pure predictor.
/// </summary>
public sealed class CalibratedSystem(IPredictionSystem inner, Calibrations calibrations) : IPredictionSystem
{
    public string Id => inner.Id;

    public bool CombinesOtherSystems => inner.CombinesOtherSystems;

    public IPredictionSystem Inner => inner;

    public SystemResult Predict(PredictionInput input) => inner.Predict(input) switch
    {
        SystemPrediction prediction => prediction with
        {
            Calibration = calibrations.For(input.Request.Prop, inner.Id),
            Market = calibrations.StackFor(input.Request.Prop, inner.Id),
        },
        var failure => failure,
    };
}
