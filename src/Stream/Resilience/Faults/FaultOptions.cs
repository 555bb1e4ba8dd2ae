namespace StreamProcessor.Stream.Resilience.Faults;

/// <summary>
/// Faults to inject, for tests and demos (config <c>faults:</c> or <c>--inject</c>). Off by default.
/// </summary>
public sealed record FaultOptions
{
    /// <summary>Per system id: make it throw or slow down.</summary>
    public Dictionary<string, SystemFaultOptions> Systems { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public SinkFaultOptions Sink { get; init; } = new();

    /// <summary>Feature-store reads.</summary>
    public ReadFaultOptions Features { get; init; } = new();

    /// <summary>The execution-log lookup smart skip makes (one per batch).</summary>
    public ReadFaultOptions ExecutionLog { get; init; } = new();

    /// <summary>Reads and saves of the breaker-state table.</summary>
    public ReadFaultOptions Breakers { get; init; } = new();

    /// <summary>Seed of the injected randomness, so a faulty run can be repeated exactly.</summary>
    public int Seed { get; init; } = 1;

    public bool Any => Systems.Count > 0 || Sink.TransientFailuresPerBatch > 0 || Sink.Permanent || Features.Any || ExecutionLog.Any || Breakers.Any;
}

public sealed record SystemFaultOptions
{
    /// <summary>Probability (0-1) that a call throws.</summary>
    public double ThrowProbability { get; init; }

    /// <summary>Added latency per call, in milliseconds.</summary>
    public int DelayMs { get; init; }
}

public sealed record SinkFaultOptions
{
    /// <summary>The first this-many attempts to write each batch fail with a transient error.</summary>
    public int TransientFailuresPerBatch { get; init; }

    /// <summary>Every write fails with a permanent error.</summary>
    public bool Permanent { get; init; }
}
