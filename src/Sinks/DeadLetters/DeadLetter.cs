using System.Security.Cryptography;
using System.Text;

namespace StreamProcessor.Sinks.DeadLetters;

/// <summary>
/// A request (SystemId null) or one system's result for a request that could not become a prediction.
/// Its id is derived from (request, system, reason), so recording it again on redelivery is a no-op.
/// </summary>
public sealed record DeadLetter
{
    public const int MaxPayloadChars = 4096;

    public required string RequestId { get; init; }
    public string? SystemId { get; init; }
    public required string ReasonCode { get; init; }
    public required string Message { get; init; }
    public string? PlayerLookup { get; init; }
    public DateOnly? GameDate { get; init; }
    public string? RawPayload { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public string DeadLetterId => Convert.ToHexStringLower(SHA256.HashData(
        Encoding.UTF8.GetBytes($"{RequestId}|{SystemId}|{ReasonCode}")).AsSpan(0, 16));

    /// <summary>Keeps a bounded prefix of a payload: enough to diagnose, never a 10 MB row.</summary>
    public static string? Truncate(string? payload) =>
        payload is null || payload.Length <= MaxPayloadChars ? payload : payload[..MaxPayloadChars] + $"…[{payload.Length - MaxPayloadChars} more chars]";
}
