using Grpc.Core;

namespace StreamProcessor.Google.PubSub.Connection;

/// <summary>
/// gRPC outcomes that are worth trying again. The real service closes streaming pulls routinely (UNAVAILABLE,
/// DEADLINE_EXCEEDED, INTERNAL from an RST_STREAM), and throttles with RESOURCE_EXHAUSTED; a bad argument,
/// a missing resource or a denied permission fails the same way every time.
/// </summary>
public static class RetryableCodes
{
    public static bool IsRetryable(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded
        or StatusCode.Internal or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.Unknown or StatusCode.Cancelled;

    public static bool IsRetryable(Exception error) => error switch
    {
        RpcException rpc => IsRetryable(rpc.StatusCode),
        IOException or HttpRequestException => true,
        _ => false,
    };
}
