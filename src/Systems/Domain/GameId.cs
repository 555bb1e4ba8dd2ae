namespace StreamProcessor.Systems.Domain;

/// <summary>Production's game id: <c>YYYYMMDD_AWAY_HOME</c> with three-letter team codes.</summary>
public static class GameId
{
    public static string For(DateOnly date, string awayTeam, string homeTeam) =>
        $"{date:yyyyMMdd}_{TeamCodes.CodeFor(awayTeam)}_{TeamCodes.CodeFor(homeTeam)}";
}
