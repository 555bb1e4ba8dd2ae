using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using StreamProcessor.Stream.Configuration;

namespace StreamProcessor.Stream.Service.Logging;

/// <summary>The logger factory of <c>stream run</c>: JSON lines for a log collector, readable lines for a person at a terminal.</summary>
public static class ServiceLogging
{
    public static ILoggerFactory Create(ServiceOptions options, bool stdoutIsTerminal)
    {
        var json = options.LogFormat switch
        {
            "auto" => !stdoutIsTerminal,
            "json" => true,
            "text" => false,
            var other => throw new ConfigurationException($"service.log_format must be auto, json or text, got \"{other}\""),
        };
        return LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(options.LogLevel);
            logging.AddFilter("Microsoft", LogLevel.Warning); // Kestrel's per-request lines are noise here
            if (json)
                logging.AddConsole(console => console.FormatterName = CloudLoggingFormatter.FormatterName)
                    .AddConsoleFormatter<CloudLoggingFormatter, ConsoleFormatterOptions>();
            else
                logging.AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss ";
                });
        });
    }
}
