namespace StreamProcessor.Systems.Prediction;

/// <summary>Why a system did not predict. Codes are written in snake_case to the warehouse.</summary>
public enum FailureReason
{
    /// <summary>A feature the system cannot do without is missing.</summary>
    MissingFeatures,
    /// <summary>Too few earlier games (similarity) to predict from.</summary>
    InsufficientHistory,
    /// <summary>No trained model is available.</summary>
    ModelUnavailable,
    /// <summary>Fewer base systems succeeded than the ensemble needs.</summary>
    InsufficientSystems,
    /// <summary>The system threw; a bug or a fault, never an expected condition.</summary>
    SystemError,
    /// <summary>The system returned a number that cannot be written (NaN or infinity): a bug, refused before writing.</summary>
    InvalidOutput,
    /// <summary>Not called: the system's circuit breaker is open. A skip, not a failure of this request.</summary>
    CircuitOpen,
}
