using Microsoft.Extensions.Logging;
using Prometheus;
using StreamProcessor.Sinks.Freshness;

namespace StreamProcessor.Stream.Service.Freshness;

/// <summary>
/// Exports the freshness of every input table (production's fix after a feed went 41, then 75 days stale unnoticed):
/// <c>stream_input_newest_row_age_seconds{table}</c> (+Inf while a table is empty) and, for tables with a game date,
/// <c>stream_input_rows_today{table}</c>. The tables are read every <see cref="FreshnessOptions.RefreshSeconds"/> in the
/// background; a scrape only turns the remembered timestamps into ages. A failed check is logged and keeps the last answer.
/// </summary>
public sealed partial class FreshnessMonitor
{
    private readonly IInputFreshness _inputs;
    private readonly FreshnessOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly TimeZoneInfo _zone;
    private readonly Gauge _age, _rowsToday, _checkedAt;
    private readonly Dictionary<string, DateTimeOffset?> _newest = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public FreshnessMonitor(IInputFreshness inputs, FreshnessOptions options, CollectorRegistry registry, ILogger logger, TimeProvider? clock = null)
    {
        _inputs = inputs;
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _logger = logger;
        _zone = FindZone(options.TimeZone, logger);
        var metrics = Metrics.WithCustomRegistry(registry);
        _age = metrics.CreateGauge("stream_input_newest_row_age_seconds", "Age of the newest row of an input table (when it was loaded or computed); +Inf while the table is empty.", "table");
        _rowsToday = metrics.CreateGauge("stream_input_rows_today", "Rows of an input table for today's game date.", "table");
        _checkedAt = metrics.CreateGauge("stream_input_freshness_checked_timestamp_seconds", "When the input tables were last checked (Unix time).");
        registry.AddBeforeCollectCallback(UpdateAges);
    }

    /// <summary>Today's game date in <see cref="FreshnessOptions.TimeZone"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), _zone).DateTime);

    /// <summary>Checks every table once now; false (and a warning) if the check failed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var answer = await _inputs.ReadAsync(Today, cancellationToken);
            lock (_gate)
            {
                foreach (var input in answer)
                {
                    _newest[input.Table] = input.NewestRowAt;
                    if (input.RowsToday is { } rows) _rowsToday.WithLabels(input.Table).Set(rows);
                }
            }
            _checkedAt.Set(_clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
            UpdateAges();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCheckFailed(e.Message);
            return false;
        }
    }

    /// <summary>Checks every <see cref="FreshnessOptions.RefreshSeconds"/> until <paramref name="stop"/> (the first check is the caller's <see cref="RefreshAsync"/>).</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, _options.RefreshSeconds));
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(every, _clock, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stop.IsCancellationRequested) break;
            try
            {
                await RefreshAsync(stop); // logs its own failures
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private void UpdateAges()
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
            foreach (var (table, newest) in _newest)
                _age.WithLabels(table).Set(newest is { } at ? Math.Max(0, (now - at).TotalSeconds) : double.PositiveInfinity);
    }

    private static TimeZoneInfo FindZone(string id, ILogger logger)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            LogNoZone(logger, id);
            return TimeZoneInfo.Utc;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not check the freshness of the input tables: {error}; the last answer stands")]
    private partial void LogCheckFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "time zone {time_zone} is not known here; today's game date is taken in UTC")]
    private static partial void LogNoZone(ILogger logger, string time_zone);
}
