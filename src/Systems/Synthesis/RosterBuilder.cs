namespace StreamProcessor.Systems.Synthesis;

/// <summary>
/// Draws a team's players from rotation-rank templates: a star, four starters, four bench
/// players and a deep bench that often does not play. Minutes, scoring rate and playing style
/// vary by rank and by a latent "size" (guards shoot threes and pass; bigs rebound, block and
/// score inside), the structure real box scores show.
/// </summary>
internal static class RosterBuilder
{
    /// <summary>Star, starters and bench: the players who play whenever they are fit.</summary>
    public const int RotationSize = 9;

    private const int StarterCount = 5;

    public static IReadOnlyList<SyntheticPlayer> Build(int size, Random random, PlayerNameGenerator names, ref int nextPlayerId)
    {
        var roster = new List<SyntheticPlayer>(size);
        for (var rank = 0; rank < size; rank++)
            roster.Add(Draw(nextPlayerId++, rank, names.Next(), random));
        return roster;
    }

    private static SyntheticPlayer Draw(int id, int rank, string name, Random random)
    {
        var (minutes, appearance, pointsPerMinute) = rank switch
        {
            0 => (random.NextUniform(33, 37), 1.0, random.NextUniform(0.60, 0.90)),
            < StarterCount => (random.NextUniform(27, 33), 1.0, random.NextUniform(0.34, 0.60)),
            5 => (random.NextUniform(20, 26), 1.0, random.NextUniform(0.30, 0.52)),
            6 => (random.NextUniform(17, 23), 1.0, random.NextUniform(0.28, 0.50)),
            7 => (random.NextUniform(14, 20), 1.0, random.NextUniform(0.26, 0.48)),
            8 => (random.NextUniform(12, 17), 1.0, random.NextUniform(0.24, 0.46)),
            _ => (random.NextUniform(2, 10), random.NextUniform(0.2, 0.5), random.NextUniform(0.20, 0.42)),
        };
        var isStar = rank == 0;
        var size = random.NextDouble(); // 0 = point guard, 1 = centre

        var threeShare = Math.Clamp(0.65 - 0.5 * size + random.NextNormal(0, 0.08), 0.02, 0.75);
        var twoPct = Math.Clamp(0.48 + 0.12 * size + random.NextNormal(0, 0.025), 0.40, 0.68);
        var threePct = Math.Clamp(0.36 + random.NextNormal(0, 0.03) - (threeShare < 0.15 ? 0.06 : 0), 0.20, 0.45);
        var freeThrowsPerShot = Math.Clamp(0.15 + 0.15 * size + (isStar ? 0.08 : 0) + random.NextNormal(0, 0.06), 0.05, 0.55);
        var freeThrowPct = Math.Clamp(0.85 - 0.12 * size + random.NextNormal(0, 0.05), 0.50, 0.93);

        // Choose shot volume so the expected scoring rate matches the rank's target.
        var pointsPerShot = (1 - threeShare) * 2 * twoPct + threeShare * 3 * threePct + freeThrowsPerShot * freeThrowPct;
        var shotsPerMinute = pointsPerMinute / pointsPerShot;

        var assists = (0.04 + 0.16 * (1 - size)) * random.NextUniform(0.6, 1.4) + (isStar ? 0.04 : 0);
        return new SyntheticPlayer
        {
            Id = id,
            Name = name,
            RotationRank = rank,
            MeanMinutes = minutes,
            AppearanceChance = appearance,
            FieldGoalAttemptsPerMinute = shotsPerMinute,
            ThreePointShare = threeShare,
            TwoPointPercentage = twoPct,
            ThreePointPercentage = threePct,
            FreeThrowAttemptsPerMinute = shotsPerMinute * freeThrowsPerShot,
            FreeThrowPercentage = freeThrowPct,
            ReboundsPerMinute = Math.Max(0.04, 0.09 + 0.22 * size + random.NextNormal(0, 0.02)),
            AssistsPerMinute = assists,
            BlocksPerMinute = 0.005 + 0.04 * size * random.NextUniform(0.5, 1.5),
            StealsPerMinute = random.NextUniform(0.02, 0.05),
            TurnoversPerMinute = 0.01 + 0.08 * shotsPerMinute + 0.12 * assists,
            Form = PlayerForm.Draw(random),
        };
    }
}
