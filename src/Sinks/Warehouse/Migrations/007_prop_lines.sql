-- 007: real sportsbook lines, and predictions priced against them.
-- One row per player, date, prop and book (production kept them in nba_raw, e.g. odds_api_player_points_props;
-- here one table holds every market). Prices are American odds; NULL when the book showed one side only.

CREATE SCHEMA IF NOT EXISTS nba_raw;

CREATE TABLE IF NOT EXISTS nba_raw.odds_api_player_props (
    player_lookup          VARCHAR  NOT NULL,          -- canonical, through the player registry
    player_name            VARCHAR  NOT NULL,          -- as the file spelt it
    game_date              DATE     NOT NULL,
    prop_type              VARCHAR  NOT NULL,          -- points | rebounds | assists | threes
    line                   DOUBLE   NOT NULL,
    over_price             DOUBLE,
    under_price            DOUBLE,
    bookmaker              VARCHAR  NOT NULL,
    source                 VARCHAR  NOT NULL,
    loaded_from            VARCHAR  NOT NULL,
    loaded_at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (player_lookup, game_date, prop_type, bookmaker)
);

-- With prices, a row is recommended by expected value; recommendation_rule says which rule made the pick.
ALTER TABLE nba_predictions.player_prop_predictions ADD COLUMN over_price DOUBLE;
ALTER TABLE nba_predictions.player_prop_predictions ADD COLUMN under_price DOUBLE;
ALTER TABLE nba_predictions.player_prop_predictions ADD COLUMN market_probability_over DOUBLE;
ALTER TABLE nba_predictions.player_prop_predictions ADD COLUMN expected_value DOUBLE;       -- of the side picked, or the better side for PASS
ALTER TABLE nba_predictions.player_prop_predictions ADD COLUMN recommendation_rule VARCHAR; -- expected_value | edge_and_probability
