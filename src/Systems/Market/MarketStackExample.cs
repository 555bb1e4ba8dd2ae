namespace StreamProcessor.Systems.Market;

/// <summary>One real line a stack is fitted on: the market's P(over), the system's standardised margin, what happened.</summary>
public readonly record struct MarketStackExample(double MarketProbabilityOver, double StandardisedMargin, bool WentOver);
