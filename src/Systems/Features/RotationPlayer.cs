using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Features;

/// <summary>One player's totals over the team games of a rotation window in which he played.</summary>
internal readonly record struct RotationPlayer(int Games, double Minutes, double Points, double Rebounds, double Assists, double Threes)
{
    public static RotationPlayer Empty => default;

    public RotationPlayer Add(BoxScore line) => new(
        Games + 1, Minutes + line.Minutes, Points + line.Points, Rebounds + line.Rebounds, Assists + line.Assists, Threes + line.ThreesMade);

    /// <summary>Per game played, of the stat picked by <paramref name="stat"/>.</summary>
    public double PerGame(RotationStat stat) => Games == 0 ? double.NaN : stat switch
    {
        RotationStat.Minutes => Minutes,
        RotationStat.Points => Points,
        RotationStat.Rebounds => Rebounds,
        RotationStat.Assists => Assists,
        _ => Threes,
    } / Games;
}

/// <summary>The stats a team's rotation shares out among the players who are there.</summary>
internal enum RotationStat { Minutes, Points, Rebounds, Assists, Threes }
