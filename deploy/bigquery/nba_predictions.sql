-- nba_predictions: features, predictions, dead letters, completion events and the execution log.
-- Same columns as the embedded warehouse (src/Sinks/Warehouse/Migrations, through 007). Replace `PROJECT`.
-- BigQuery has no NOT NULL arrays: an ARRAY column is REPEATED, and an empty array reads back as [].
-- max_staleness: how old a read of a CDC table may be (changes are merged in the background at least this often;
-- a read within it pays for merging the pending changes itself). Predictions and the execution log take 1 minute:
-- the smart-skip lookup of a redelivered request should see the first delivery's rows; features change once a day.

CREATE SCHEMA IF NOT EXISTS `PROJECT.nba_predictions`;

-- One row per player per game date, rebuilt by `features build`: CDC UPSERT by (player_lookup, game_date).
CREATE TABLE IF NOT EXISTS `PROJECT.nba_predictions.ml_feature_store_v2` (
    player_lookup              STRING NOT NULL,
    game_date                  DATE NOT NULL,
    game_id                    STRING NOT NULL,
    team                       STRING NOT NULL,
    opponent                   STRING NOT NULL,
    feature_version            STRING NOT NULL,
    pts_avg_last3              FLOAT64,
    pts_avg_last5              FLOAT64,
    pts_avg_last10             FLOAT64,
    pts_avg_season             FLOAT64,
    pts_std_last10             FLOAT64,
    pts_ewma                   FLOAT64,
    min_avg_last5              FLOAT64,
    min_avg_last10             FLOAT64,
    min_avg_season             FLOAT64,
    min_std_last10             FLOAT64,
    min_trend                  FLOAT64,
    pts_per_min_season         FLOAT64,
    pts_per_min_last10         FLOAT64,
    usage_season               FLOAT64,
    usage_last10               FLOAT64,
    share_pts_2pt              FLOAT64,
    share_pts_3pt              FLOAT64,
    share_pts_ft               FLOAT64,
    fg_pct_season              FLOAT64,
    fg3_pct_season             FLOAT64,
    ft_pct_season              FLOAT64,
    reb_avg_last10             FLOAT64,
    ast_avg_last10             FLOAT64,
    fg3m_avg_last10            FLOAT64,
    opp_2pt_allowed_rel        FLOAT64,
    opp_3pt_allowed_rel        FLOAT64,
    opp_ft_allowed_rel         FLOAT64,
    opp_def_rating_rel         FLOAT64,
    opp_pace_rel               FLOAT64,
    team_pace_rel              FLOAT64,
    days_rest                  FLOAT64,
    back_to_back               FLOAT64,
    home                       FLOAT64,
    games_played               FLOAT64,
    recent_form                FLOAT64,
    reb_avg_last5              FLOAT64,
    reb_avg_season             FLOAT64,
    reb_ewma                   FLOAT64,
    reb_std_last10             FLOAT64,
    ast_avg_last5              FLOAT64,
    ast_avg_season             FLOAT64,
    ast_ewma                   FLOAT64,
    ast_std_last10             FLOAT64,
    fg3m_avg_last5             FLOAT64,
    fg3m_avg_season            FLOAT64,
    fg3m_ewma                  FLOAT64,
    fg3m_std_last10            FLOAT64,
    min_ewma                   FLOAT64,
    reb_per_min_season         FLOAT64,
    ast_per_min_season         FLOAT64,
    opp_reb_allowed_rel        FLOAT64,
    opp_ast_allowed_rel        FLOAT64,
    availability_last10        FLOAT64,
    games_with_team            FLOAT64,
    rotation_min_missing       FLOAT64,
    rotation_pts_missing       FLOAT64,
    opp_rotation_pts_missing   FLOAT64,
    expected_min               FLOAT64,
    pts_freed                  FLOAT64,
    reb_freed                  FLOAT64,
    ast_freed                  FLOAT64,
    fg3m_freed                 FLOAT64,
    feature_quality_score      FLOAT64 NOT NULL,
    missing_features           ARRAY<STRING>,
    computed_at                TIMESTAMP NOT NULL,
    PRIMARY KEY (player_lookup, game_date) NOT ENFORCED
)
PARTITION BY game_date
CLUSTER BY player_lookup
OPTIONS (max_staleness = INTERVAL 15 MINUTE);

-- One row per (player, date, prop, system, line): CDC UPSERT on that key, with _CHANGE_SEQUENCE_NUMBER from the
-- request's publish order so a redelivered older request never overwrites a newer row.
CREATE TABLE IF NOT EXISTS `PROJECT.nba_predictions.player_prop_predictions` (
    prediction_id          STRING    NOT NULL,
    system_id              STRING    NOT NULL,
    player_lookup          STRING    NOT NULL,
    game_date              DATE      NOT NULL,
    game_id                STRING    NOT NULL,
    predicted_points       FLOAT64   NOT NULL,
    confidence_score       FLOAT64   NOT NULL,
    recommendation         STRING    NOT NULL,
    current_points_line    FLOAT64   NOT NULL,
    line_margin            FLOAT64   NOT NULL,
    similarity_baseline    FLOAT64,
    similar_games_count    INT64,
    avg_similarity_score   FLOAT64,
    ensemble_systems       STRING,
    model_version          STRING,
    feature_version        STRING    NOT NULL,
    request_id             STRING    NOT NULL,
    created_at             TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP NOT NULL,
    is_active              BOOL      NOT NULL,
    prop_type              STRING    NOT NULL,
    probability_over       FLOAT64,
    over_price             FLOAT64,
    under_price            FLOAT64,
    market_probability_over FLOAT64,
    expected_value         FLOAT64,
    recommendation_rule    STRING,
    PRIMARY KEY (player_lookup, game_date, prop_type, system_id, current_points_line) NOT ENFORCED
)
PARTITION BY game_date
CLUSTER BY player_lookup, prop_type, system_id
OPTIONS (max_staleness = INTERVAL 1 MINUTE);

-- Plain appends: a dead letter's id is deterministic (request, system, reason), so a duplicate is recognisable.
-- system_id is NULL for a request-level record; game_date is NULL when the request had none (the NULL partition).
CREATE TABLE IF NOT EXISTS `PROJECT.nba_predictions.dead_letter` (
    dead_letter_id         STRING    NOT NULL,
    request_id             STRING    NOT NULL,
    system_id              STRING,
    reason_code            STRING    NOT NULL,
    message                STRING    NOT NULL,
    player_lookup          STRING,
    game_date              DATE,
    raw_payload            STRING,
    created_at             TIMESTAMP NOT NULL
)
PARTITION BY game_date
CLUSTER BY reason_code, request_id;

-- The completion event per request ("prediction-ready"): CDC UPSERT by request id.
CREATE TABLE IF NOT EXISTS `PROJECT.nba_predictions.prediction_events` (
    request_id             STRING    NOT NULL,
    player_lookup          STRING    NOT NULL,
    game_date              DATE      NOT NULL,
    game_id                STRING    NOT NULL,
    systems_succeeded      ARRAY<STRING>,
    systems_failed         ARRAY<STRING>,
    predictions_written    INT64     NOT NULL,
    published_at           TIMESTAMP NOT NULL,
    prop_type              STRING,
    line_values            ARRAY<FLOAT64>,
    feature_version        STRING,
    model_version          STRING,
    PRIMARY KEY (request_id) NOT ENFORCED
)
PARTITION BY game_date
CLUSTER BY request_id
OPTIONS (max_staleness = INTERVAL 1 MINUTE);

-- The execution log, one row per request: CDC UPSERT by request id (a redelivered request rewrites its row).
-- game_date is NULL for a request that had none.
CREATE TABLE IF NOT EXISTS `PROJECT.nba_predictions.prediction_worker_runs` (
    request_id             STRING    NOT NULL,
    player_lookup          STRING,
    game_date              DATE,
    line_values            ARRAY<FLOAT64>,
    feature_version        STRING,
    systems_attempted      ARRAY<STRING>,
    systems_succeeded      ARRAY<STRING>,
    systems_failed         ARRAY<STRING>,
    systems_skipped        ARRAY<STRING>,
    feature_quality_score  FLOAT64,
    missing_features       ARRAY<STRING>,
    circuit_breaker_triggered BOOL   NOT NULL,
    circuits_opened        ARRAY<STRING>,
    skip_reason            STRING,
    data_load_seconds      FLOAT64   NOT NULL,
    prediction_compute_seconds FLOAT64 NOT NULL,
    write_seconds          FLOAT64   NOT NULL,
    publish_seconds        FLOAT64   NOT NULL,
    success                BOOL      NOT NULL,
    error_message          STRING,
    processed_at           TIMESTAMP NOT NULL,
    prop_type              STRING,
    model_version          STRING,
    requested_player_lookup STRING,
    PRIMARY KEY (request_id) NOT ENFORCED
)
PARTITION BY game_date
CLUSTER BY request_id
OPTIONS (max_staleness = INTERVAL 1 MINUTE);
