-- 008: the three tables every request writes keep their keys without a PRIMARY KEY, which made DuckDB keep an ART index
-- on them: each automatic checkpoint (every 16 MiB of log) wrote the whole index out again, so a write cost more the more
-- rows the table held (a 1,000-request write 62 ms at the start of a 7.5M-row run, 193 ms at its end; without the index
-- 40-45 ms throughout; duckdb/duckdb#24848). The writers now check their keys themselves, one write at a time
-- (WarehousePredictionSink, WarehouseEventPublisher, WarehouseExecutionLog): still one row per key. The key columns stay
-- NOT NULL, as the primary key made them. DuckDB cannot drop a constraint, so each table is rebuilt and its rows copied
-- in their order.

CREATE TABLE nba_predictions.player_prop_predictions_008 (
    prediction_id          VARCHAR  NOT NULL,
    system_id              VARCHAR  NOT NULL,
    player_lookup          VARCHAR  NOT NULL,
    game_date              DATE     NOT NULL,
    game_id                VARCHAR  NOT NULL,
    predicted_points       DOUBLE   NOT NULL,
    confidence_score       DOUBLE   NOT NULL,
    recommendation         VARCHAR  NOT NULL,
    current_points_line    DOUBLE   NOT NULL,
    line_margin            DOUBLE   NOT NULL,
    similarity_baseline    DOUBLE,
    similar_games_count    INTEGER,
    avg_similarity_score   DOUBLE,
    ensemble_systems       VARCHAR,
    model_version          VARCHAR,
    feature_version        VARCHAR  NOT NULL,
    request_id             VARCHAR  NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    is_active              BOOLEAN  NOT NULL,
    prop_type              VARCHAR  NOT NULL DEFAULT 'points',
    probability_over       DOUBLE,
    over_price             DOUBLE,
    under_price            DOUBLE,
    market_probability_over DOUBLE,
    expected_value         DOUBLE,
    recommendation_rule    VARCHAR
    -- key: (player_lookup, game_date, prop_type, system_id, current_points_line)
);
INSERT INTO nba_predictions.player_prop_predictions_008 SELECT * FROM nba_predictions.player_prop_predictions ORDER BY rowid;
DROP TABLE nba_predictions.player_prop_predictions;
ALTER TABLE nba_predictions.player_prop_predictions_008 RENAME TO player_prop_predictions;

CREATE TABLE nba_predictions.prediction_events_008 (
    request_id             VARCHAR  NOT NULL,  -- key
    player_lookup          VARCHAR  NOT NULL,
    game_date              DATE     NOT NULL,
    game_id                VARCHAR  NOT NULL,
    systems_succeeded      VARCHAR[] NOT NULL,
    systems_failed         VARCHAR[] NOT NULL,
    predictions_written    INTEGER  NOT NULL,
    published_at           TIMESTAMPTZ NOT NULL,
    prop_type              VARCHAR,
    line_values            DOUBLE[],
    feature_version        VARCHAR,
    model_version          VARCHAR
);
INSERT INTO nba_predictions.prediction_events_008 SELECT * FROM nba_predictions.prediction_events ORDER BY rowid;
DROP TABLE nba_predictions.prediction_events;
ALTER TABLE nba_predictions.prediction_events_008 RENAME TO prediction_events;

CREATE TABLE nba_predictions.prediction_worker_runs_008 (
    request_id             VARCHAR  NOT NULL,  -- key
    player_lookup          VARCHAR,
    game_date              DATE,
    line_values            DOUBLE[],
    feature_version        VARCHAR,
    systems_attempted      VARCHAR[] NOT NULL,
    systems_succeeded      VARCHAR[] NOT NULL,
    systems_failed         VARCHAR[] NOT NULL,
    systems_skipped        VARCHAR[] NOT NULL,
    feature_quality_score  DOUBLE,
    missing_features       VARCHAR[],
    circuit_breaker_triggered BOOLEAN NOT NULL,
    circuits_opened        VARCHAR[] NOT NULL,
    skip_reason            VARCHAR,
    data_load_seconds      DOUBLE   NOT NULL,
    prediction_compute_seconds DOUBLE NOT NULL,
    write_seconds          DOUBLE   NOT NULL,
    publish_seconds        DOUBLE   NOT NULL,
    success                BOOLEAN  NOT NULL,
    error_message          VARCHAR,
    processed_at           TIMESTAMPTZ NOT NULL,
    prop_type              VARCHAR,
    model_version          VARCHAR,
    requested_player_lookup VARCHAR
);
INSERT INTO nba_predictions.prediction_worker_runs_008 SELECT * FROM nba_predictions.prediction_worker_runs ORDER BY rowid;
DROP TABLE nba_predictions.prediction_worker_runs;
ALTER TABLE nba_predictions.prediction_worker_runs_008 RENAME TO prediction_worker_runs;
