namespace StreamProcessor.Stream.Data;

/// <summary>Collects errors up to the cap and remembers whether more were found after it.</summary>
internal sealed class BoxScoreCsvErrorCollector(string sourceName, int maxErrors)
{
    private readonly List<BoxScoreCsvError> _errors = [];

    public IReadOnlyList<BoxScoreCsvError> Errors => _errors;

    /// <summary>An error was found after the cap was reached; reading should stop.</summary>
    public bool Overflowed { get; private set; }

    public void Add(int lineNumber, string? column, string reason, string? value)
    {
        if (_errors.Count >= maxErrors)
        {
            Overflowed = true;
            return;
        }
        _errors.Add(new BoxScoreCsvError(sourceName, lineNumber, column, reason,
            value is null ? null : BoxScoreCsvError.Shorten(value)));
    }
}
