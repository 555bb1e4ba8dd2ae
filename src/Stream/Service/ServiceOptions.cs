using Microsoft.Extensions.Logging;

namespace StreamProcessor.Stream.Service;

/// <summary><c>stream run</c>: where its HTTP endpoints listen, how long a shutdown may drain, how it logs.</summary>
public sealed record ServiceOptions
{
    /// <summary>Address of /metrics, /healthz and /readyz; 0.0.0.0 so a container's port mapping reaches it.</summary>
    public string Address { get; init; } = "0.0.0.0";

    /// <summary>Port of the endpoints. The PORT environment variable (Cloud Run's contract) wins when set; 0 picks a free port.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>
    /// After SIGTERM or SIGINT, how long in-flight requests may take to be written and acknowledged. What is
    /// still unwritten then is abandoned unacknowledged (delivered again on restart). Cloud Run kills at 10 s.
    /// </summary>
    public int DrainSeconds { get; init; } = 8;

    /// <summary><c>auto</c> (JSON lines when stdout is not a terminal, readable text when it is), <c>json</c> or <c>text</c>.</summary>
    public string LogFormat { get; init; } = "auto";

    /// <summary>Least severe log level written (Trace, Debug, Information, Warning, Error, Critical).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;
}
