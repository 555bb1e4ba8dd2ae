-- nba_orchestration: circuit-breaker state shared by every replica. Replace `PROJECT`.
-- The embedded table keeps one row per (system, prop); here each transition is appended (plain append, no CDC) and a
-- replica reads the latest row per (system_id, prop_type), so replicas never race on one row and the history stays.
-- This table has no game_date: it is partitioned by the day of the transition, DATE(updated_at).

CREATE SCHEMA IF NOT EXISTS `PROJECT.nba_orchestration`;

CREATE TABLE IF NOT EXISTS `PROJECT.nba_orchestration.circuit_breaker_state` (
    system_id              STRING    NOT NULL,
    prop_type              STRING    NOT NULL,
    state                  STRING    NOT NULL,
    failure_count          INT64     NOT NULL,
    threshold              INT64     NOT NULL,
    timeout_seconds        FLOAT64   NOT NULL,
    opened_at              TIMESTAMP,
    open_cause             STRING,
    last_failures          ARRAY<STRING>,
    updated_at             TIMESTAMP NOT NULL
)
PARTITION BY DATE(updated_at)
CLUSTER BY system_id, prop_type;
