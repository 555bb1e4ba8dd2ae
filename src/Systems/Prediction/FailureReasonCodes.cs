namespace StreamProcessor.Systems.Prediction;

public static class FailureReasonCodes
{
    public static string Code(this FailureReason reason) => reason switch
    {
        FailureReason.MissingFeatures => "missing_features",
        FailureReason.InsufficientHistory => "insufficient_history",
        FailureReason.ModelUnavailable => "model_unavailable",
        FailureReason.InsufficientSystems => "insufficient_systems",
        FailureReason.SystemError => "system_error",
        FailureReason.CircuitOpen => "circuit_open",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
