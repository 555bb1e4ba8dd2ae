using System.Globalization;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Prediction.Systems;

namespace StreamProcessor.Stream.Configuration;

/// <summary>
/// The ranges and relations every option must satisfy, checked once at start, so that a bad value is one clear
/// line naming its key instead of an exception deep inside a run (or, worse, a silent misbehaviour). A new option
/// adds its rule here.
/// </summary>
internal static class ConfigurationRules
{
    /// <summary>Every rule <paramref name="o"/> breaks, as (key, what is allowed, got).</summary>
    public static IEnumerable<(string Key, string Problem)> Check(StreamOptions o)
    {
        var found = new List<(string, string)>();
        void AtLeast(string key, double value, double min) { if (!(value >= min)) found.Add((key, $"must be at least {Text(min)}, got {Text(value)}")); }
        void Between(string key, double value, double min, double max) { if (!(value >= min && value <= max)) found.Add((key, $"must be between {Text(min)} and {Text(max)}, got {Text(value)}")); }
        void OneOf(string key, string value, params string[] allowed) { if (!allowed.Contains(value)) found.Add((key, $"must be one of {string.Join(", ", allowed)}, got \"{value}\"")); }
        void NotEmpty(string key, string value) { if (string.IsNullOrWhiteSpace(value)) found.Add((key, "must not be empty")); }
        void KnownSystems(string key, IEnumerable<string> ids, StringComparer comparer)
        {
            foreach (var id in ids.Where(id => !SystemIds.All.Contains(id, comparer)))
                found.Add(($"{key}.{id}", $"unknown system id; the systems are {string.Join(", ", SystemIds.All)}"));
        }

        NotEmpty("data_dir", o.DataDir);
        OneOf("warehouse.kind", o.Warehouse.Kind, WarehouseOptions.Embedded, WarehouseOptions.BigQuery);
        AtLeast("warehouse.duckdb_threads", o.Warehouse.DuckDbThreads, 1);
        AtLeast("warehouse.duckdb_checkpoint_mb", o.Warehouse.DuckDbCheckpointMb, 1);
        // Below it DuckDB's checkpoints ran out of memory and invalidated the database under a season's writes.
        AtLeast("warehouse.duckdb_memory_limit_mb", o.Warehouse.DuckDbMemoryLimitMb, 128);
        if (DuckDbSettings.CompressionMethodsIn(o.Warehouse.DuckDbDisabledCompression).FirstOrDefault(m => !DuckDbSettings.CompressionMethods.Contains(m)) is { } unknown)
            found.Add(("warehouse.duckdb_disabled_compression", $"\"{unknown}\" is not a compression method DuckDB can leave out; it takes {string.Join(", ", DuckDbSettings.CompressionMethods)}"));
        // DuckDB refuses any other size at open ("must be divisible by the vector size"), deep inside the first command.
        if (o.Warehouse.DuckDbRowGroupSize < 2048 || o.Warehouse.DuckDbRowGroupSize % 2048 != 0)
            found.Add(("warehouse.duckdb_row_group_size", $"must be a positive multiple of 2048 (DuckDB's vector size), got {o.Warehouse.DuckDbRowGroupSize}"));
        if (o.BigQuery.Project.Length > 0 && !o.BigQuery.Project.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or ':'))
            found.Add(("bigquery.project", $"must be a project id (letters, digits, -, . or :), got \"{o.BigQuery.Project}\""));

        var p = o.Pipeline;
        AtLeast("pipeline.bounded_capacity", p.BoundedCapacity, 1);
        AtLeast("pipeline.max_requests_in_flight", p.MaxRequestsInFlight, 1);
        AtLeast("pipeline.feature_batch_size", p.FeatureBatchSize, 1);
        AtLeast("pipeline.write_batch_size", p.WriteBatchSize, 1);
        AtLeast("pipeline.dead_letter_batch_size", p.DeadLetterBatchSize, 1);
        // 0 would arm the flush timer once and never again: a partial batch in a live stream would wait forever.
        AtLeast("pipeline.batch_flush_milliseconds", p.BatchFlushMilliseconds, 1);
        AtLeast("pipeline.decode_parallelism", p.DecodeParallelism, 1);
        AtLeast("pipeline.feature_load_parallelism", p.FeatureLoadParallelism, 1);
        AtLeast("pipeline.system_parallelism", p.SystemParallelism, 1);

        var v = o.Validation;
        AtLeast("validation.max_payload_bytes", v.MaxPayloadBytes, 1);
        AtLeast("validation.max_player_lookup_length", v.MaxPlayerLookupLength, 1);
        AtLeast("validation.max_line_values", v.MaxLineValues, 1);
        if (!(v.MaxLineValue > 0)) found.Add(("validation.max_line_value", $"must be above 0, got {Text(v.MaxLineValue)}"));
        if (v.EarliestGameDate > v.LatestGameDate)
            found.Add(("validation.earliest_game_date", $"must not be after validation.latest_game_date ({v.LatestGameDate:yyyy-MM-dd}), got {v.EarliestGameDate:yyyy-MM-dd}"));
        AtLeast("validation.max_feature_age_hours", v.MaxFeatureAgeHours, 0);

        var r = o.Recommendation;
        AtLeast("recommendation.min_edge_points", r.MinEdgePoints, 0);
        AtLeast("recommendation.min_edge_rebounds", r.MinEdgeRebounds, 0);
        AtLeast("recommendation.min_edge_assists", r.MinEdgeAssists, 0);
        AtLeast("recommendation.min_edge_threes", r.MinEdgeThrees, 0);
        Between("recommendation.min_probability", r.MinProbability, 0.5, 1);
        Between("recommendation.min_ev", r.MinEv, 0, 1); // a pick must at least break even at its price

        var ma = o.Systems.MovingAverage;
        AtLeast("systems.moving_average.last5_weight", ma.Last5Weight, 0);
        AtLeast("systems.moving_average.last10_weight", ma.Last10Weight, 0);
        AtLeast("systems.moving_average.season_weight", ma.SeasonWeight, 0);
        if (ma.Last5Weight + ma.Last10Weight + ma.SeasonWeight <= 0)
            found.Add(("systems.moving_average.season_weight", "last5_weight, last10_weight and season_weight must not all be 0"));
        foreach (var (key, value) in new[] { ("back_to_back_adjustment", ma.BackToBackAdjustment), ("rested_adjustment", ma.RestedAdjustment), ("home_adjustment", ma.HomeAdjustment), ("away_adjustment", ma.AwayAdjustment) })
            Between($"systems.moving_average.{key}", value, -0.5, 0.5);
        AtLeast("systems.moving_average.rested_min_days", ma.RestedMinDays, 0);

        var zm = o.Systems.ZoneMatchup;
        Between("systems.zone_matchup.shrink_strength", zm.ShrinkStrength, 0, 1);
        AtLeast("systems.zone_matchup.zone_adjusted_season_weight", zm.ZoneAdjustedSeasonWeight, 0);
        AtLeast("systems.zone_matchup.recent_weight", zm.RecentWeight, 0);
        if (zm.ZoneAdjustedSeasonWeight + zm.RecentWeight <= 0)
            found.Add(("systems.zone_matchup.recent_weight", "zone_adjusted_season_weight and recent_weight must not both be 0"));

        var s = o.Systems.Similarity;
        AtLeast("systems.similarity.opponent_tier_weight", s.OpponentTierWeight, 0);
        AtLeast("systems.similarity.recent_form_weight", s.RecentFormWeight, 0);
        AtLeast("systems.similarity.rest_weight", s.RestWeight, 0);
        AtLeast("systems.similarity.home_weight", s.HomeWeight, 0);
        Between("systems.similarity.adjacent_credit", s.AdjacentCredit, 0, 1);
        Between("systems.similarity.min_similarity", s.MinSimilarity, 0, 1);
        AtLeast("systems.similarity.min_similar_games", s.MinSimilarGames, 1);

        var e = o.Systems.Ensemble;
        Between("systems.ensemble.min_systems", e.MinSystems, 1, SystemIds.All.Count - 1);
        KnownSystems("systems.ensemble.system_weights", e.SystemWeights.Keys, StringComparer.Ordinal); // looked up as written
        foreach (var (id, weight) in e.SystemWeights) AtLeast($"systems.ensemble.system_weights.{id}", weight, 0);

        var m = o.Model;
        AtLeast("model.min_games_played", m.MinGamesPlayed, 0);
        AtLeast("model.validation_days", m.ValidationDays, 1);
        AtLeast("model.reload_seconds", m.ReloadSeconds, 1);
        AtLeast("model.training.number_of_trees", m.Training.NumberOfTrees, 1);
        AtLeast("model.training.number_of_leaves", m.Training.NumberOfLeaves, 2);
        AtLeast("model.training.minimum_example_count_per_leaf", m.Training.MinimumExampleCountPerLeaf, 1);
        if (!(m.Training.LearningRate > 0 && m.Training.LearningRate <= 1))
            found.Add(("model.training.learning_rate", $"must be above 0 and at most 1, got {Text(m.Training.LearningRate)}"));
        if (!(m.Training.LabelClipQuantile >= 0 && m.Training.LabelClipQuantile < 0.5))
            found.Add(("model.training.label_clip_quantile", $"must be at least 0 and below 0.5, got {Text(m.Training.LabelClipQuantile)}"));
        if (m.Training.NumberOfThreads is { } threads) AtLeast("model.training.number_of_threads", threads, 1);

        AtLeast("history.max_games", o.History.MaxGames, 1);
        AtLeast("history.window_days", o.History.WindowDays, 1);
        AtLeast("replay.min_games_played", o.Replay.MinGamesPlayed, 0);
        AtLeast("replay.summary_rows", o.Replay.SummaryRows, 0);
        OneOf("events.sink", o.Events.Sink, "warehouse", "jsonl");
        NotEmpty("events.jsonl_path", o.Events.JsonlPath);
        AtLeast("evaluate.min_earlier_games", o.Evaluate.MinEarlierGames, 0);

        var b = o.Resilience.Breaker;
        // Polly's breaker needs at least 2 calls in its window, a window and a break of at least half a second.
        AtLeast("resilience.breaker.failure_threshold", b.FailureThreshold, 2);
        AtLeast("resilience.breaker.break_seconds", b.BreakSeconds, 0.5);
        AtLeast("resilience.breaker.sampling_seconds", b.SamplingSeconds, 0.5);
        AtLeast("resilience.breaker.state_cache_seconds", b.StateCacheSeconds, 0);
        AtLeast("resilience.retry.max_attempts", o.Resilience.Retry.MaxAttempts, 1);
        AtLeast("resilience.retry.base_delay_ms", o.Resilience.Retry.BaseDelayMs, 0);

        KnownSystems("faults.systems", o.Faults.Systems.Keys, StringComparer.OrdinalIgnoreCase); // a case-insensitive map
        foreach (var (id, fault) in o.Faults.Systems)
        {
            Between($"faults.systems.{id}.throw_probability", fault.ThrowProbability, 0, 1);
            AtLeast($"faults.systems.{id}.delay_ms", fault.DelayMs, 0);
        }
        AtLeast("faults.sink.transient_failures_per_batch", o.Faults.Sink.TransientFailuresPerBatch, 0);
        AtLeast("faults.features.transient_failures", o.Faults.Features.TransientFailures, 0);
        AtLeast("faults.execution_log.transient_failures", o.Faults.ExecutionLog.TransientFailures, 0);
        AtLeast("faults.breakers.transient_failures", o.Faults.Breakers.TransientFailures, 0);

        NotEmpty("service.address", o.Service.Address);
        Between("service.port", o.Service.Port, 0, 65535);
        AtLeast("service.drain_seconds", o.Service.DrainSeconds, 0);
        OneOf("service.log_format", o.Service.LogFormat, "auto", "json", "text");

        NotEmpty("spool.directory", o.Spool.Directory);
        NotEmpty("spool.ack_log", o.Spool.AckLog);
        AtLeast("spool.poll_milliseconds", o.Spool.PollMilliseconds, 1);
        AtLeast("spool.redelivery_milliseconds", o.Spool.RedeliveryMilliseconds, 0);
        if (o.Spool.MaxRedeliveryMilliseconds < o.Spool.RedeliveryMilliseconds)
            found.Add(("spool.max_redelivery_milliseconds", $"must not be below spool.redelivery_milliseconds ({o.Spool.RedeliveryMilliseconds}), got {o.Spool.MaxRedeliveryMilliseconds}"));

        AtLeast("freshness.refresh_seconds", o.Freshness.RefreshSeconds, 1);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(o.Freshness.TimeZone, out _))
            found.Add(("freshness.time_zone", $"must be an IANA time zone such as America/New_York, got \"{o.Freshness.TimeZone}\""));

        NotEmpty("players.aliases_file", o.Players.AliasesFile);
        return found;
    }

    private static string Text(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
