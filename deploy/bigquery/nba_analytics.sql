-- nba_analytics: the box scores. Same columns as the embedded warehouse (src/Sinks/Warehouse/Migrations).
-- Replace `PROJECT` with the project id (bq query --use_legacy_sql=false < nba_analytics.sql after sed).
-- max_staleness: CDC upserts are merged into the table at least this often; a read may see changes up to this
-- old (15 minutes: box scores arrive once a night, features are built after them).

CREATE SCHEMA IF NOT EXISTS `PROJECT.nba_analytics`;

-- One row per player per game; `data load` rewrites a game's rows, so the key is CDC's primary key.
CREATE TABLE IF NOT EXISTS `PROJECT.nba_analytics.player_game_summary` (
    player_lookup          STRING    NOT NULL,
    player_name            STRING    NOT NULL,
    game_date              DATE      NOT NULL,
    game_id                STRING    NOT NULL,
    team                   STRING    NOT NULL,
    opponent               STRING    NOT NULL,
    home                   BOOL      NOT NULL,
    win                    BOOL      NOT NULL,
    minutes                FLOAT64   NOT NULL,
    points                 INT64     NOT NULL,
    assists                INT64     NOT NULL,
    blocks                 INT64     NOT NULL,
    steals                 INT64     NOT NULL,
    fga                    INT64     NOT NULL,
    fgm                    INT64     NOT NULL,
    fg3a                   INT64     NOT NULL,
    fg3m                   INT64     NOT NULL,
    fta                    INT64     NOT NULL,
    ftm                    INT64     NOT NULL,
    rebounds               INT64     NOT NULL,
    turnovers              INT64     NOT NULL,
    source                 STRING    NOT NULL,
    loaded_at              TIMESTAMP NOT NULL,
    PRIMARY KEY (player_lookup, game_date) NOT ENFORCED
)
PARTITION BY game_date
CLUSTER BY player_lookup, team
OPTIONS (max_staleness = INTERVAL 15 MINUTE);
