-- 001: the tables the embedded pipeline reads and writes, named as in production.
-- Applied once per warehouse file; nba_orchestration.schema_migrations records it.

CREATE SCHEMA IF NOT EXISTS nba_analytics;
CREATE SCHEMA IF NOT EXISTS nba_predictions;
CREATE SCHEMA IF NOT EXISTS nba_orchestration;

-- One row per player per game (the box score).
CREATE TABLE IF NOT EXISTS nba_analytics.player_game_summary (
    player_lookup          VARCHAR  NOT NULL,
    player_name            VARCHAR  NOT NULL,
    game_date              DATE     NOT NULL,
    game_id                VARCHAR  NOT NULL,
    team                   VARCHAR  NOT NULL,
    opponent               VARCHAR  NOT NULL,
    home                   BOOLEAN  NOT NULL,
    win                    BOOLEAN  NOT NULL,
    minutes                DOUBLE   NOT NULL,
    points                 INTEGER  NOT NULL,
    assists                INTEGER  NOT NULL,
    blocks                 INTEGER  NOT NULL,
    steals                 INTEGER  NOT NULL,
    fga                    INTEGER  NOT NULL,
    fgm                    INTEGER  NOT NULL,
    fg3a                   INTEGER  NOT NULL,
    fg3m                   INTEGER  NOT NULL,
    fta                    INTEGER  NOT NULL,
    ftm                    INTEGER  NOT NULL,
    rebounds               INTEGER  NOT NULL,
    turnovers              INTEGER  NOT NULL,
    source                 VARCHAR  NOT NULL,
    loaded_at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (player_lookup, game_date)
);

-- One row per player per game date, computed only from earlier games. NULL = missing.
CREATE TABLE IF NOT EXISTS nba_predictions.ml_feature_store_v2 (
    player_lookup          VARCHAR  NOT NULL,
    game_date              DATE     NOT NULL,
    game_id                VARCHAR  NOT NULL,
    team                   VARCHAR  NOT NULL,
    opponent               VARCHAR  NOT NULL,
    feature_version        VARCHAR  NOT NULL,
    pts_avg_last3          DOUBLE,
    pts_avg_last5          DOUBLE,
    pts_avg_last10         DOUBLE,
    pts_avg_season         DOUBLE,
    pts_std_last10         DOUBLE,
    pts_ewma               DOUBLE,
    min_avg_last5          DOUBLE,
    min_avg_last10         DOUBLE,
    min_avg_season         DOUBLE,
    min_std_last10         DOUBLE,
    min_trend              DOUBLE,
    pts_per_min_season     DOUBLE,
    pts_per_min_last10     DOUBLE,
    usage_season           DOUBLE,
    usage_last10           DOUBLE,
    share_pts_2pt          DOUBLE,
    share_pts_3pt          DOUBLE,
    share_pts_ft           DOUBLE,
    fg_pct_season          DOUBLE,
    fg3_pct_season         DOUBLE,
    ft_pct_season          DOUBLE,
    reb_avg_last10         DOUBLE,
    ast_avg_last10         DOUBLE,
    fg3m_avg_last10        DOUBLE,
    opp_2pt_allowed_rel    DOUBLE,
    opp_3pt_allowed_rel    DOUBLE,
    opp_ft_allowed_rel     DOUBLE,
    opp_def_rating_rel     DOUBLE,
    opp_pace_rel           DOUBLE,
    team_pace_rel          DOUBLE,
    days_rest              DOUBLE,
    back_to_back           DOUBLE,
    home                   DOUBLE,
    games_played           DOUBLE,
    recent_form            DOUBLE,
    feature_quality_score  DOUBLE   NOT NULL,
    missing_features       VARCHAR[] NOT NULL,
    computed_at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (player_lookup, game_date)
);

-- One row per (player, date, system, line): every write is an upsert on that key.
CREATE TABLE IF NOT EXISTS nba_predictions.player_prop_predictions (
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
    PRIMARY KEY (player_lookup, game_date, system_id, current_points_line)
);

-- Requests and system results that could not become predictions, with the reason.
-- system_id is NULL for a request-level record (the request itself was unusable).
CREATE TABLE IF NOT EXISTS nba_predictions.dead_letter (
    dead_letter_id         VARCHAR  NOT NULL PRIMARY KEY,
    request_id             VARCHAR  NOT NULL,
    system_id              VARCHAR,
    reason_code            VARCHAR  NOT NULL,
    message                VARCHAR  NOT NULL,
    player_lookup          VARCHAR,
    game_date              DATE,
    raw_payload            VARCHAR,
    created_at             TIMESTAMPTZ NOT NULL
);

-- The completion event per request ("prediction-ready"), when events go to the warehouse.
CREATE TABLE IF NOT EXISTS nba_predictions.prediction_events (
    request_id             VARCHAR  NOT NULL PRIMARY KEY,
    player_lookup          VARCHAR  NOT NULL,
    game_date              DATE     NOT NULL,
    game_id                VARCHAR  NOT NULL,
    systems_succeeded      VARCHAR[] NOT NULL,
    systems_failed         VARCHAR[] NOT NULL,
    predictions_written    INTEGER  NOT NULL,
    published_at           TIMESTAMPTZ NOT NULL
);
