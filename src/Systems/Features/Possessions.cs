namespace StreamProcessor.Systems.Features;

/// <summary>The box-score estimate of possessions used, one way, by usage, pace and defensive rating.</summary>
internal static class Possessions
{
    /// <summary>The share of free-throw attempts that end a possession (and-ones, technicals and three-shot fouls make it less than 1/2).</summary>
    public const double FreeThrowWeight = 0.44;

    /// <summary>FGA + 0.44 * FTA: possessions ended by a shot or a trip to the line (the usage proxy).</summary>
    public static double Shooting(int fieldGoalsAttempted, int freeThrowsAttempted) =>
        fieldGoalsAttempted + FreeThrowWeight * freeThrowsAttempted;

    /// <summary>FGA + 0.44 * FTA + TOV.</summary>
    public static double Estimate(int fieldGoalsAttempted, int freeThrowsAttempted, int turnovers) =>
        Shooting(fieldGoalsAttempted, freeThrowsAttempted) + turnovers;
}
