-- 005: the prop (and the model version) in every record that identifies a request, and breakers per (system, prop).
-- Two requests for one player, date and line but different props are different work: smart skip, the execution
-- log and the completion event now say which prop (rows written before 005 have NULL and are never matched by
-- smart skip, so such a request is predicted once more, onto the same upsert keys).
-- A breaker counts the failures of one system for one prop: a missing threes model must not switch xgboost off
-- for points. DuckDB cannot change a primary key in place, so the breaker table is rebuilt; its old rows (one per
-- system) carry on as that system's points breaker.

ALTER TABLE nba_predictions.prediction_worker_runs ADD COLUMN prop_type VARCHAR;
ALTER TABLE nba_predictions.prediction_worker_runs ADD COLUMN model_version VARCHAR;

ALTER TABLE nba_predictions.prediction_events ADD COLUMN prop_type VARCHAR;
ALTER TABLE nba_predictions.prediction_events ADD COLUMN line_values DOUBLE[];
ALTER TABLE nba_predictions.prediction_events ADD COLUMN feature_version VARCHAR;
ALTER TABLE nba_predictions.prediction_events ADD COLUMN model_version VARCHAR;

DROP VIEW IF EXISTS nba_predictions.active_circuit_breakers;

CREATE TABLE nba_orchestration.circuit_breaker_state_005 (
    system_id              VARCHAR  NOT NULL,
    prop_type              VARCHAR  NOT NULL,
    state                  VARCHAR  NOT NULL,          -- CLOSED | OPEN | HALF_OPEN
    failure_count          INTEGER  NOT NULL,          -- failures since it last closed
    threshold              INTEGER  NOT NULL,
    timeout_seconds        DOUBLE   NOT NULL,          -- the break: OPEN for this long, then HALF_OPEN
    opened_at              TIMESTAMPTZ,
    open_cause             VARCHAR,                    -- data_missing (auto-resets) | system_error
    last_failures          VARCHAR[] NOT NULL,         -- the last 10, newest first
    updated_at             TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (system_id, prop_type)
);

INSERT INTO nba_orchestration.circuit_breaker_state_005
SELECT system_id, 'points', state, failure_count, threshold, timeout_seconds, opened_at, open_cause, last_failures, updated_at
FROM nba_orchestration.circuit_breaker_state;

DROP TABLE nba_orchestration.circuit_breaker_state;
ALTER TABLE nba_orchestration.circuit_breaker_state_005 RENAME TO circuit_breaker_state;

CREATE VIEW nba_predictions.active_circuit_breakers AS
SELECT system_id, prop_type, state, failure_count, threshold, timeout_seconds, opened_at, open_cause, last_failures,
       opened_at + to_microseconds(CAST(timeout_seconds * 1000000 AS BIGINT)) AS half_open_at
FROM nba_orchestration.circuit_breaker_state
WHERE state <> 'CLOSED';
