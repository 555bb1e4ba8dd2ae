using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Features;

/// <summary>The sum of one team's player lines in one game: what it scored, by zone, and its possessions.</summary>
internal readonly record struct TeamScoring(int TwoPointPoints, int ThreePointPoints, int FreeThrowPoints, double Possessions, int Rebounds = 0, int Assists = 0)
{
    public int Points => TwoPointPoints + ThreePointPoints + FreeThrowPoints;

    /// <summary>Sums whole-number stats first and estimates possessions once, so the result does not depend on row order.</summary>
    public static TeamScoring Of(IEnumerable<BoxScore> lines)
    {
        int two = 0, three = 0, free = 0, fga = 0, fta = 0, tov = 0, rebounds = 0, assists = 0;
        foreach (var line in lines)
        {
            two += line.TwoPointPoints;
            three += line.ThreePointPoints;
            free += line.FreeThrowPoints;
            fga += line.FieldGoalsAttempted;
            fta += line.FreeThrowsAttempted;
            tov += line.Turnovers;
            rebounds += line.Rebounds;
            assists += line.Assists;
        }
        return new TeamScoring(two, three, free, Features.Possessions.Estimate(fga, fta, tov), rebounds, assists);
    }
}

/// <summary>One team's game seen from its defence: its own scoring and what the opponent scored against it.</summary>
internal readonly record struct TeamGame(string Team, DateOnly GameDate, TeamScoring Own, TeamScoring Allowed)
{
    /// <summary>Possessions per side, the average of both teams' estimates.</summary>
    public double Pace => (Own.Possessions + Allowed.Possessions) / 2;
}
