-- 004: predictions for other props than points, and the probability behind each confidence.
-- prop_type joins the key: (player_lookup, game_date, prop_type, system_id, current_points_line). Existing rows are
-- points predictions and keep their ids (prediction_id hashes prop_type only when it is not points).
-- probability_over is P(the stat ends above the line); confidence_score = 100 x max(probability_over, 1 - probability_over).
-- DuckDB cannot change a primary key in place, so the table is rebuilt and its rows copied.

CREATE TABLE nba_predictions.player_prop_predictions_004 (
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
    PRIMARY KEY (player_lookup, game_date, prop_type, system_id, current_points_line)
);

INSERT INTO nba_predictions.player_prop_predictions_004
SELECT *, 'points', NULL FROM nba_predictions.player_prop_predictions;

DROP TABLE nba_predictions.player_prop_predictions;
ALTER TABLE nba_predictions.player_prop_predictions_004 RENAME TO player_prop_predictions;
