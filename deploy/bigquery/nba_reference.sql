-- nba_reference: the player registry, rebuilt with every box-score load (migration 006). Replace `PROJECT`.
-- The registry tables have no game_date; they are partitioned by a date column of their own (last_game_date,
-- first_game_date, DATE(updated_at)) so the DDL keeps the project's rule that every table is partitioned.
-- CDC UPSERT by the embedded primary keys; max_staleness 15 minutes (they change with a box-score load).

CREATE SCHEMA IF NOT EXISTS `PROJECT.nba_reference`;

CREATE TABLE IF NOT EXISTS `PROJECT.nba_reference.nba_players_registry` (
    player_lookup          STRING    NOT NULL,
    player_name            STRING    NOT NULL,
    current_team           STRING    NOT NULL,
    first_game_date        DATE      NOT NULL,
    last_game_date         DATE      NOT NULL,
    games                  INT64     NOT NULL,
    updated_at             TIMESTAMP NOT NULL,
    PRIMARY KEY (player_lookup) NOT ENFORCED
)
PARTITION BY DATE(updated_at)
CLUSTER BY player_lookup
OPTIONS (max_staleness = INTERVAL 15 MINUTE);

-- One row per stint: consecutive games for one team.
CREATE TABLE IF NOT EXISTS `PROJECT.nba_reference.player_team_history` (
    player_lookup          STRING    NOT NULL,
    team                   STRING    NOT NULL,
    first_game_date        DATE      NOT NULL,
    last_game_date         DATE      NOT NULL,
    games                  INT64     NOT NULL,
    PRIMARY KEY (player_lookup, team, first_game_date) NOT ENFORCED
)
PARTITION BY first_game_date
CLUSTER BY player_lookup
OPTIONS (max_staleness = INTERVAL 15 MINUTE);

CREATE TABLE IF NOT EXISTS `PROJECT.nba_reference.player_aliases` (
    alias                  STRING    NOT NULL,
    player_lookup          STRING    NOT NULL,
    source                 STRING    NOT NULL,
    updated_at             TIMESTAMP NOT NULL,
    PRIMARY KEY (alias) NOT ENFORCED
)
PARTITION BY DATE(updated_at)
CLUSTER BY alias
OPTIONS (max_staleness = INTERVAL 15 MINUTE);
