using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace StreamProcessor.Stream.Service.Logging;

/// <summary>
/// One JSON object per line in the shape Cloud Logging reads from a container's stdout: <c>severity</c>,
/// <c>message</c> and <c>time</c>, then the message template's named values (<c>request_id</c>,
/// <c>player_lookup</c>, <c>game_date</c>, ...) and any scope's, as top-level fields of the entry's jsonPayload.
/// </summary>
public sealed class CloudLoggingFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "cloud_logging";

    // The envelope's own fields: a template value of the same name never overwrites them.
    private static readonly HashSet<string> Envelope = ["severity", "message", "time", "logger", "exception", "{OriginalFormat}"];

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("severity", Severity(logEntry.LogLevel));
            json.WriteString("message", message);
            json.WriteString("time", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("logger", logEntry.Category);
            if (logEntry.Exception is { } exception) json.WriteString("exception", exception.ToString()); // Error Reporting reads the stack trace here
            var written = new HashSet<string>(Envelope, StringComparer.Ordinal);
            if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> fields) WriteFields(json, fields, written);
            scopeProvider?.ForEachScope((scope, state) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> scopeFields) WriteFields(state.json, scopeFields, state.written);
            }, (json, written));
            json.WriteEndObject();
        }
        textWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        textWriter.Write('\n');
    }

    /// <summary>Cloud Logging's LogSeverity names.</summary>
    public static string Severity(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "CRITICAL",
        _ => "DEFAULT",
    };

    private static void WriteFields(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> fields, HashSet<string> written)
    {
        foreach (var (key, value) in fields)
        {
            if (!written.Add(key)) continue;
            json.WritePropertyName(key);
            switch (value)
            {
                case null: json.WriteNullValue(); break;
                case bool b: json.WriteBooleanValue(b); break;
                case int or long or short or byte or uint or ulong: json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
                case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
                case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
                case decimal m: json.WriteNumberValue(m); break;
                case DateOnly date: json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                case DateTimeOffset time: json.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture)); break;
                case IFormattable formattable: json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture)); break;
                case System.Collections.IEnumerable list and not string:
                    json.WriteStringValue(string.Join(",", list.Cast<object?>()));
                    break;
                default: json.WriteStringValue(value.ToString()); break;
            }
        }
    }
}
