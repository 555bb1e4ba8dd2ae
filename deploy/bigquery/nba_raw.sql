-- nba_raw: sportsbook lines as loaded by `data load --lines`. Same columns as the embedded warehouse (migration 007).
-- Replace `PROJECT`. One row per player, date, prop and book: a reload rewrites it, so the key is CDC's primary key.
-- max_staleness 15 minutes: lines are loaded before the day's requests, not during them.

CREATE SCHEMA IF NOT EXISTS `PROJECT.nba_raw`;

CREATE TABLE IF NOT EXISTS `PROJECT.nba_raw.odds_api_player_props` (
    player_lookup          STRING    NOT NULL,
    player_name            STRING    NOT NULL,
    game_date              DATE      NOT NULL,
    prop_type              STRING    NOT NULL,
    line                   FLOAT64   NOT NULL,
    over_price             FLOAT64,
    under_price            FLOAT64,
    bookmaker              STRING    NOT NULL,
    source                 STRING    NOT NULL,
    loaded_from            STRING    NOT NULL,
    loaded_at              TIMESTAMP NOT NULL,
    PRIMARY KEY (player_lookup, game_date, prop_type, bookmaker) NOT ENFORCED
)
PARTITION BY game_date
CLUSTER BY player_lookup, prop_type
OPTIONS (max_staleness = INTERVAL 15 MINUTE);
