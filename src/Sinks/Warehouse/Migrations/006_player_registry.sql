-- 006: the player registry. Canonical players come from the box scores (rebuilt with every load), their
-- team history as stints, and the aliases a user keeps in the aliases file (copied here on each run).
-- The execution log keeps the name a request used beside the canonical lookup its rows are written under.

CREATE SCHEMA IF NOT EXISTS nba_reference;

CREATE TABLE IF NOT EXISTS nba_reference.nba_players_registry (
    player_lookup          VARCHAR  NOT NULL PRIMARY KEY,
    player_name            VARCHAR  NOT NULL,
    current_team           VARCHAR  NOT NULL,          -- the team of his latest game
    first_game_date        DATE     NOT NULL,
    last_game_date         DATE     NOT NULL,
    games                  INTEGER  NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);

-- One row per stint: consecutive games for one team (a traded player has two).
CREATE TABLE IF NOT EXISTS nba_reference.player_team_history (
    player_lookup          VARCHAR  NOT NULL,
    team                   VARCHAR  NOT NULL,
    first_game_date        DATE     NOT NULL,
    last_game_date         DATE     NOT NULL,
    games                  INTEGER  NOT NULL,
    PRIMARY KEY (player_lookup, team, first_game_date)
);

CREATE TABLE IF NOT EXISTS nba_reference.player_aliases (
    alias                  VARCHAR  NOT NULL PRIMARY KEY,
    player_lookup          VARCHAR  NOT NULL,
    source                 VARCHAR  NOT NULL,          -- the aliases file it came from
    updated_at             TIMESTAMPTZ NOT NULL
);

ALTER TABLE nba_predictions.prediction_worker_runs ADD COLUMN requested_player_lookup VARCHAR;
