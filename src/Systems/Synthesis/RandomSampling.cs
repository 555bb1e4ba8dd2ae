namespace StreamProcessor.Systems.Synthesis;

/// <summary>The few distributions the generator needs, drawn from one <see cref="Random"/> so a seed fixes everything.</summary>
internal static class RandomSampling
{
    public static double NextUniform(this Random random, double min, double max) => min + (max - min) * random.NextDouble();

    public static bool NextChance(this Random random, double probability) => random.NextDouble() < probability;

    public static double NextNormal(this Random random, double mean, double standardDeviation)
    {
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: keeps Log finite
        var u2 = random.NextDouble();
        return mean + standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static int NextPoisson(this Random random, double mean)
    {
        if (mean <= 0) return 0;
        // Knuth's product method is exact and cheap for the small means of box-score counts.
        if (mean > 30) return Math.Max(0, (int)Math.Round(random.NextNormal(mean, Math.Sqrt(mean))));
        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }
        return count;
    }

    public static int NextBinomial(this Random random, int trials, double probability)
    {
        var successes = 0;
        for (var i = 0; i < trials; i++)
            if (random.NextDouble() < probability) successes++;
        return successes;
    }
}
