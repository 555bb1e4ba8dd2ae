namespace StreamProcessor.Systems.Players;

/// <summary>How a name was resolved.</summary>
public enum PlayerMatch
{
    /// <summary>The name is a canonical lookup as it stands.</summary>
    Exact,

    /// <summary>The name is a known alias (the aliases file).</summary>
    Alias,

    /// <summary>The name spells a canonical lookup or alias another way (punctuation, accents, a suffix).</summary>
    Normalised,

    /// <summary>No player goes by that name; <see cref="PlayerResolution.Candidates"/> lists the closest lookups.</summary>
    Unknown,

    /// <summary>Several players go by that name; <see cref="PlayerResolution.Candidates"/> lists them. Never guessed.</summary>
    Ambiguous,
}
