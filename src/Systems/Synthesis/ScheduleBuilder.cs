namespace StreamProcessor.Systems.Synthesis;

/// <summary>
/// Builds the calendar day by day: each team decides whether it plays today with a chance
/// that depends on whether it played yesterday and how far it is behind its target, and the
/// teams that play are paired at random. That yields about the real league's rhythm: most
/// games on one or two days' rest, roughly one in six a back-to-back, never three days running
/// unless the calendar forces it, and home games balanced within one.
/// </summary>
internal static class ScheduleBuilder
{
    /// <summary>
    /// Chance of playing the day after a game, when on schedule. A little above the share of
    /// back-to-backs wanted (the real league: about 0.17) because no team plays three days running.
    /// </summary>
    private const double BackToBackChance = 0.20;

    public static IReadOnlyList<ScheduledGame> Build(
        IReadOnlyList<SyntheticTeam> teams, DateOnly firstDate, DateOnly lastDate, int gamesPerTeam, Random random)
    {
        var days = lastDate.DayNumber - firstDate.DayNumber + 1;
        var dailyRate = Math.Min(1.0, (double)gamesPerTeam / days);
        // Chosen so that, alternating rest and back-to-backs, a team plays dailyRate of all days.
        var restedChance = Math.Min(1.0, dailyRate * (1 - BackToBackChance) / (1 - dailyRate));

        var played = new int[teams.Count];
        var homeGames = new int[teams.Count];
        var lastDay = Enumerable.Repeat(int.MinValue / 2, teams.Count).ToArray();
        var dayBeforeLast = Enumerable.Repeat(int.MinValue / 2, teams.Count).ToArray();
        var games = new List<ScheduledGame>(teams.Count * gamesPerTeam / 2);
        var playing = new List<(int Team, double Urgency)>(teams.Count);

        for (var day = 0; day < days; day++)
        {
            var daysLeft = days - day;
            playing.Clear();
            for (var t = 0; t < teams.Count; t++)
            {
                var remaining = gamesPerTeam - played[t];
                if (remaining <= 0) continue;
                var mustPlay = remaining >= daysLeft;
                var playedYesterday = lastDay[t] == day - 1;
                if (!mustPlay && playedYesterday && dayBeforeLast[t] == day - 2) continue;

                var urgency = remaining / (daysLeft * dailyRate);
                var chance = mustPlay ? 1.0 : (playedYesterday ? BackToBackChance : restedChance) * urgency;
                if (random.NextChance(chance)) playing.Add((t, urgency));
            }

            Shuffle(playing, random);
            if (playing.Count % 2 == 1)
            {
                // The team furthest ahead of its target sits out.
                var leastUrgent = playing.IndexOf(playing.MinBy(p => p.Urgency));
                playing.RemoveAt(leastUrgent);
            }

            var date = firstDate.AddDays(day);
            for (var i = 0; i < playing.Count; i += 2)
            {
                var (a, b) = (playing[i].Team, playing[i + 1].Team);
                // The team with fewer home games than away games so far hosts.
                int Balance(int t) => 2 * homeGames[t] - played[t];
                var aHosts = Balance(a) != Balance(b) ? Balance(a) < Balance(b) : random.NextChance(0.5);
                var (home, away) = aHosts ? (a, b) : (b, a);
                homeGames[home]++;
                games.Add(new ScheduledGame(date, teams[home], teams[away]));
                foreach (var t in (int[])[a, b])
                {
                    played[t]++;
                    dayBeforeLast[t] = lastDay[t];
                    lastDay[t] = day;
                }
            }
        }
        return games;
    }

    private static void Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
