using System.Net;
using DuckDB.NET.Data;
using StreamProcessor.Stream.Resilience.Faults;

namespace StreamProcessor.Stream.Resilience.Retry;

/// <summary>
/// Which failures are worth retrying: timeouts, I/O hiccups, HTTP 429 / 5xx, and the warehouse's
/// transaction conflicts. Anything else (a bad value, a missing table) fails the same way every time,
/// and retrying it only delays the error.
/// </summary>
public static class TransientErrors
{
    public static bool IsTransient(Exception error) => error switch
    {
        InjectedFaultException injected => injected.Transient,
        TimeoutException => true,
        HttpRequestException http => http.StatusCode is null or HttpStatusCode.TooManyRequests || (int)http.StatusCode >= 500,
        DuckDBException duck => duck.Message.Contains("conflict", StringComparison.OrdinalIgnoreCase)
                                || duck.Message.Contains("lock", StringComparison.OrdinalIgnoreCase),
        IOException => true,
        OperationCanceledException => false,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => error.InnerException is { } inner && IsTransient(inner),
    };
}
