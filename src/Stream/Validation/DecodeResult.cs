using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Validation;

/// <summary>A decoded request, or the specific reason it could not be decoded.</summary>
public readonly record struct DecodeResult(PredictionRequest? Request, string? ReasonCode, string? Message)
{
    public bool IsValid => Request is not null;

    public static DecodeResult Valid(PredictionRequest request) => new(request, null, null);

    public static DecodeResult Invalid(string reasonCode, string message) => new(null, reasonCode, message);
}
