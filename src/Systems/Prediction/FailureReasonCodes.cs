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
        FailureReason.InvalidOutput => "invalid_output",
        FailureReason.CircuitOpen => "circuit_open",
        _ => reason.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Whether this failure says something is wrong with the system (it threw, returned garbage, has no model), as
    /// opposed to a decline about this one request's data (too few similar games, no zone shares, fewer than two
    /// base systems). Only the former count towards the system's circuit breaker.
    /// </summary>
    public static bool IsSystemFault(this FailureReason reason) => reason switch
    {
        FailureReason.SystemError or FailureReason.InvalidOutput or FailureReason.ModelUnavailable => true,
        _ => false,
    };
}
