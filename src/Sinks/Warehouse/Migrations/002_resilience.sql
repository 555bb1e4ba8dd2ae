-- 002: resilience: breaker state that survives restarts, the per-request execution log, and the
-- monitoring views production had (system_reliability, active_circuit_breakers, data_quality_issues).

-- One row per prediction system: the state of its circuit breaker, restored on start.
CREATE TABLE IF NOT EXISTS nba_orchestration.circuit_breaker_state (
    system_id              VARCHAR  NOT NULL PRIMARY KEY,
    state                  VARCHAR  NOT NULL,          -- CLOSED | OPEN | HALF_OPEN
    failure_count          INTEGER  NOT NULL,          -- failures since it last closed
    threshold              INTEGER  NOT NULL,
    timeout_seconds        DOUBLE   NOT NULL,          -- the break: OPEN for this long, then HALF_OPEN
    opened_at              TIMESTAMPTZ,
    open_cause             VARCHAR,                    -- data_missing (auto-resets) | system_error
    last_failures          VARCHAR[] NOT NULL,         -- the last 10, newest first
    updated_at             TIMESTAMPTZ NOT NULL
);

-- One row per request (per delivery outcome; a redelivered request rewrites its row).
CREATE TABLE IF NOT EXISTS nba_predictions.prediction_worker_runs (
    request_id             VARCHAR  NOT NULL PRIMARY KEY,
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
    success                BOOLEAN  NOT NULL,          -- at least one system succeeded
    error_message          VARCHAR,
    processed_at           TIMESTAMPTZ NOT NULL
);

CREATE OR REPLACE VIEW nba_predictions.system_reliability AS
WITH outcomes AS (
    SELECT game_date, unnest(systems_succeeded) AS system_id, 1 AS succeeded, 0 AS failed, 0 AS skipped FROM nba_predictions.prediction_worker_runs
    UNION ALL
    SELECT game_date, unnest(systems_failed), 0, 1, 0 FROM nba_predictions.prediction_worker_runs
    UNION ALL
    SELECT game_date, unnest(systems_skipped), 0, 0, 1 FROM nba_predictions.prediction_worker_runs
)
SELECT game_date, system_id,
       sum(succeeded) AS succeeded, sum(failed) AS failed, sum(skipped) AS skipped,
       round(sum(succeeded) / count(*), 4) AS success_rate
FROM outcomes GROUP BY game_date, system_id;

CREATE OR REPLACE VIEW nba_predictions.active_circuit_breakers AS
SELECT system_id, state, failure_count, threshold, timeout_seconds, opened_at, open_cause, last_failures,
       opened_at + to_microseconds(CAST(timeout_seconds * 1000000 AS BIGINT)) AS half_open_at
FROM nba_orchestration.circuit_breaker_state
WHERE state <> 'CLOSED';

CREATE OR REPLACE VIEW nba_predictions.data_quality_issues AS
SELECT 'dead_letter' AS kind, game_date, reason_code AS issue, count(*) AS requests
FROM nba_predictions.dead_letter WHERE system_id IS NULL GROUP BY ALL
UNION ALL
SELECT 'missing_features', game_date, feature, count(*)
FROM (SELECT game_date, unnest(missing_features) AS feature FROM nba_predictions.prediction_worker_runs)
GROUP BY ALL
UNION ALL
SELECT 'low_feature_quality', game_date, 'feature_quality_score < 80', count(*)
FROM nba_predictions.prediction_worker_runs WHERE feature_quality_score < 80 GROUP BY ALL;
