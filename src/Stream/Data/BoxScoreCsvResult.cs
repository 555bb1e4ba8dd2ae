using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Data;

/// <summary>What the reader made of a file: the valid rows and every problem found.</summary>
public sealed record BoxScoreCsvResult
{
    public required string SourceName { get; init; }

    /// <summary>The rows that passed every check, in file order. Rows with errors are left out.</summary>
    public required IReadOnlyList<BoxScore> Rows { get; init; }

    public required IReadOnlyList<BoxScoreCsvError> Errors { get; init; }

    /// <summary>True when reading stopped at <see cref="BoxScoreCsvReaderOptions.MaxErrors"/>: the file has more errors than listed.</summary>
    public bool StoppedAtErrorLimit { get; init; }

    /// <summary>No errors: the file can be loaded. A file with any error must not be loaded at all.</summary>
    public bool IsClean => Errors.Count == 0;
}
