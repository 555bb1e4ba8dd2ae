namespace StreamProcessor.Systems.Synthesis;

/// <summary>
/// A slow drift in how much a player produces over the season: a trend (improving rookie,
/// fading veteran) plus a gentle wave (hot and cold stretches lasting weeks), so that recent
/// games predict better than the season average, as in real data.
/// </summary>
internal sealed record PlayerForm(double Trend, double WaveAmplitude, double WavePeriodDays, double WavePhase)
{
    /// <summary>Multiplier on scoring volume, around 1; <paramref name="seasonFraction"/> runs 0 to 1.</summary>
    public double On(int dayOfSeason, double seasonFraction) =>
        1.0 + Trend * (seasonFraction - 0.5)
            + WaveAmplitude * Math.Sin(2.0 * Math.PI * dayOfSeason / WavePeriodDays + WavePhase);

    public static PlayerForm Draw(Random random) => new(
        Trend: random.NextUniform(-0.15, 0.15),
        WaveAmplitude: random.NextUniform(0.0, 0.10),
        WavePeriodDays: random.NextUniform(30, 90),
        WavePhase: random.NextUniform(0, 2 * Math.PI));
}
