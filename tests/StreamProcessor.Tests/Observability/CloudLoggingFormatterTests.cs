using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamProcessor.Stream.Service.Logging;

namespace StreamProcessor.Tests.Observability;

public class CloudLoggingFormatterTests
{
    private static JsonElement Format(LogLevel level, IReadOnlyList<KeyValuePair<string, object?>> state, string message, Exception? exception = null)
    {
        var writer = new StringWriter();
        var entry = new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(level, "stream.requests", default, state, exception, (_, _) => message);
        new CloudLoggingFormatter().Write(entry, null, writer);
        var text = writer.ToString();
        Assert.EndsWith("\n", text);
        Assert.Single(text.TrimEnd('\n').Split('\n')); // one entry, one line
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public void An_entry_is_one_json_line_with_severity_message_and_the_request_fields()
    {
        var json = Format(LogLevel.Warning,
        [
            new("request_id", "spool.jsonl:7"),
            new("player_lookup", "lebron-james"),
            new("game_date", new DateOnly(2025, 2, 12)),
            new("predictions_written", 5),
            new("{OriginalFormat}", "request {request_id} ..."),
        ], "request spool.jsonl:7 dead-lettered");

        Assert.Equal("WARNING", json.GetProperty("severity").GetString());
        Assert.Equal("request spool.jsonl:7 dead-lettered", json.GetProperty("message").GetString());
        Assert.Equal("spool.jsonl:7", json.GetProperty("request_id").GetString());
        Assert.Equal("lebron-james", json.GetProperty("player_lookup").GetString());
        Assert.Equal("2025-02-12", json.GetProperty("game_date").GetString());
        Assert.Equal(5, json.GetProperty("predictions_written").GetInt32());
        Assert.True(DateTimeOffset.TryParse(json.GetProperty("time").GetString(), out _));
        Assert.False(json.TryGetProperty("{OriginalFormat}", out _));
    }

    [Fact]
    public void A_template_value_cannot_overwrite_the_envelope_and_an_exception_is_kept_for_error_reporting()
    {
        var json = Format(LogLevel.Error, [new("message", "spoofed"), new("severity", "DEBUG")], "the real message", new InvalidOperationException("boom"));

        Assert.Equal("ERROR", json.GetProperty("severity").GetString());
        Assert.Equal("the real message", json.GetProperty("message").GetString());
        Assert.Contains("InvalidOperationException: boom", json.GetProperty("exception").GetString());
    }

    [Theory]
    [InlineData(LogLevel.Debug, "DEBUG")]
    [InlineData(LogLevel.Information, "INFO")]
    [InlineData(LogLevel.Critical, "CRITICAL")]
    public void Levels_map_to_cloud_logging_severities(LogLevel level, string severity) =>
        Assert.Equal(severity, CloudLoggingFormatter.Severity(level));
}
