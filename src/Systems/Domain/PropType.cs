namespace StreamProcessor.Systems.Domain;

/// <summary>The statistic a prop line is about. Production only ever did points, the default.</summary>
public enum PropType { Points, Rebounds, Assists, Threes }

public static class PropTypes
{
    public static IReadOnlyList<PropType> All { get; } = Enum.GetValues<PropType>();

    /// <summary>The code used in requests, the warehouse and the command line: points, rebounds, assists, threes.</summary>
    public static string Code(this PropType prop) => prop switch
    {
        PropType.Points => "points",
        PropType.Rebounds => "rebounds",
        PropType.Assists => "assists",
        _ => "threes",
    };

    public static bool TryParse(string? code, out PropType prop)
    {
        foreach (var candidate in All)
        {
            if (candidate.Code() != code) continue;
            prop = candidate;
            return true;
        }
        prop = PropType.Points;
        return false;
    }

    /// <summary>The one of a game's four counts this prop is about: every "what did he do for this prop" goes through here.</summary>
    public static double Select(this PropType prop, double points, double rebounds, double assists, double threesMade) => prop switch
    {
        PropType.Points => points,
        PropType.Rebounds => rebounds,
        PropType.Assists => assists,
        _ => threesMade,
    };

    /// <summary>What the player did for this prop in a game.</summary>
    public static double ValueIn(this PropType prop, BoxScore game) =>
        prop.Select(game.Points, game.Rebounds, game.Assists, game.ThreesMade);
}
