using Google.Rpc;
using Grpc.Core;

namespace StreamProcessor.Google.PubSub.Source;

/// <summary>
/// Reads the per-ack-id outcomes that a subscription with exactly-once delivery returns in a failed
/// Acknowledge / ModifyAckDeadline (an ErrorInfo in the status details: ack id → PERMANENT_FAILURE_* or TRANSIENT_FAILURE_*).
/// </summary>
internal static class AckErrors
{
    private const string DetailsTrailer = "grpc-status-details-bin";

    /// <summary>Ack id → failure code, or null when the error says nothing per ack id.</summary>
    public static IReadOnlyDictionary<string, string>? PerAckId(RpcException error)
    {
        var details = error.Trailers.GetValueBytes(DetailsTrailer);
        if (details is null) return null;
        try
        {
            var status = global::Google.Rpc.Status.Parser.ParseFrom(details);
            foreach (var detail in status.Details)
            {
                if (detail.TryUnpack<ErrorInfo>(out var info) && info.Metadata.Count > 0)
                    return info.Metadata.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            }
        }
        catch (global::Google.Protobuf.InvalidProtocolBufferException)
        {
            // not a status we understand: treat the call as failed as a whole
        }
        return null;
    }

    public static bool IsTransient(string code) => code.StartsWith("TRANSIENT_", StringComparison.Ordinal);
}
