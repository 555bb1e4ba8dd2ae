using StreamProcessor.Systems.Text;

namespace StreamProcessor.Systems.Synthesis;

/// <summary>
/// Invents plausible player names, unique by <see cref="PlayerSlug"/> across the league (the
/// slug is the player's key downstream). A few carry apostrophes, accents and suffixes so the
/// slug rules get exercised the way real names do.
/// </summary>
internal sealed class PlayerNameGenerator(Random random)
{
    private static readonly string[] FirstNames =
    [
        "Aaron", "Adrian", "Alonzo", "Andre", "Anthony", "Ben", "Brandon", "Caleb", "Cameron", "Carlos",
        "Chris", "Cole", "Corey", "Damon", "Darius", "De'Andre", "Derek", "Desmond", "Dominic", "Dwayne",
        "Elijah", "Emeka", "Eric", "Ethan", "Evan", "Gabriel", "Grant", "Isaiah", "Jalen", "Jamal",
        "Ja'Vonte", "Jaylen", "Jerome", "Jordan", "Josh", "Julian", "Justin", "Kamal", "Keegan", "Kendrick",
        "Kevin", "Kobe", "Lamar", "Lonnie", "Luka", "Malik", "Marcus", "Mason", "Miles", "Moses",
        "Nate", "Nikola", "Noah", "Omar", "Oscar", "Quentin", "Rashad", "Reggie", "Ricky", "Rudy",
        "Sam", "Scottie", "Shai", "Terrence", "Theo", "Trey", "Tyrese", "Victor", "Xavier", "Zion",
        "José", "Bogdan", "Dario", "Franz", "Killian", "Tari", "Ousmane", "Jonas", "Ivica", "Matisse",
    ];

    private static readonly string[] LastNames =
    [
        "Adams", "Allen", "Anderson", "Bailey", "Banks", "Barnes", "Bell", "Brooks", "Bryant", "Butler",
        "Carter", "Clark", "Coleman", "Collins", "Cooper", "Crawford", "Davis", "Dixon", "Edwards", "Ellis",
        "Evans", "Fields", "Fisher", "Fletcher", "Ford", "Foster", "Freeman", "Gibson", "Graham", "Grant",
        "Green", "Griffin", "Hall", "Hamilton", "Harper", "Harris", "Hayes", "Henderson", "Hill", "Holmes",
        "Howard", "Hudson", "Jackson", "James", "Jenkins", "Johnson", "Jordan", "Kelly", "King", "Lewis",
        "Long", "Marshall", "Mason", "McCoy", "Miller", "Mitchell", "Moore", "Morgan", "Morris", "Murray",
        "Nelson", "O'Connor", "O'Neal", "Owens", "Parker", "Payne", "Perry", "Porter", "Powell", "Reed",
        "Reynolds", "Richardson", "Robinson", "Ross", "Russell", "Sanders", "Simmons", "Spencer", "Stewart", "Sullivan",
        "Thomas", "Thompson", "Tucker", "Turner", "Wallace", "Walker", "Warren", "Washington", "Watson", "Webb",
        "Wells", "White", "Williams", "Wilson", "Wright", "Young", "Marković", "Šarić", "Dončić", "Nurkić",
        "Diallo", "Okafor", "Mbeki", "Fernández", "Laurent", "Schröder", "Valančiūnas", "Lindqvist", "Petrov", "Kuzmić",
    ];

    private const double SuffixChance = 0.03;
    private static readonly string[] Suffixes = ["Jr.", "II", "III"];

    private readonly HashSet<string> _usedSlugs = [];

    public string Next()
    {
        // 80 x 110 names leave thousands of combinations for a few hundred players: retries are rare.
        while (true)
        {
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            if (random.NextChance(SuffixChance)) name += " " + Suffixes[random.Next(Suffixes.Length)];
            if (_usedSlugs.Add(PlayerSlug.From(name))) return name;
        }
    }
}
