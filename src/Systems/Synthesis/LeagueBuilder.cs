namespace StreamProcessor.Systems.Synthesis;

/// <summary>Draws every team's traits and roster.</summary>
internal static class LeagueBuilder
{
    /// <summary>Largest effect of a defence on one zone, either way.</summary>
    private const double MaxZoneEffect = 0.08;

    public static IReadOnlyList<SyntheticTeam> Build(SeasonGeneratorOptions options, Random random)
    {
        var names = new PlayerNameGenerator(random);
        var nextPlayerId = 0;
        var teams = new List<SyntheticTeam>(options.Teams.Count);
        foreach (var name in options.Teams)
        {
            // Overall defence scales both shot volume and the zone percentages, so its own range is kept narrow.
            var overall = random.NextUniform(0.97, 1.03);
            double Zone() => Math.Clamp(overall * random.NextUniform(0.95, 1.05), 1 - MaxZoneEffect, 1 + MaxZoneEffect);
            var rosterSize = random.Next(options.MinRosterSize, options.MaxRosterSize + 1);
            teams.Add(new SyntheticTeam
            {
                Name = name,
                Pace = random.NextUniform(0.95, 1.05),
                OverallDefence = overall,
                TwoPointDefence = Zone(),
                ThreePointDefence = Zone(),
                FreeThrowDefence = Zone(),
                Roster = RosterBuilder.Build(rosterSize, random, names, ref nextPlayerId),
            });
        }
        return teams;
    }
}
