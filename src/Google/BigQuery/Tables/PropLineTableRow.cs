using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Market;

namespace StreamProcessor.Google.BigQuery.Tables;

/// <summary>A row of nba_raw.odds_api_player_props (CDC by player, date, prop and book, so a reload rewrites it).</summary>
public sealed record PropLineTableRow(
    string PlayerLookup, string PlayerName, DateOnly GameDate, string PropType, double Line, double? OverPrice, double? UnderPrice,
    string Bookmaker, string Source, string LoadedFrom, DateTimeOffset LoadedAt)
{
    public const string Dataset = "nba_raw", Table = "odds_api_player_props";

    public static PropLineTableRow From(SportsbookLine l, string loadedFrom, DateTimeOffset loadedAt) => new(
        l.PlayerLookup, l.PlayerName, l.GameDate, l.Prop.Code(), l.Line, l.OverPrice, l.UnderPrice, l.Bookmaker, l.Source, loadedFrom, loadedAt);
}
