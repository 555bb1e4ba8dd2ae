namespace StreamProcessor.BigQueryStorageEmulator.Tables;

/// <summary>The project's tables, by dataset and name (case-sensitive, like BigQuery table ids).</summary>
public sealed class Catalog
{
    private readonly Dictionary<(string Dataset, string Table), Table> _tables = new();

    public Catalog(string project, IEnumerable<TableDefinition> definitions)
    {
        Project = project;
        foreach (var definition in definitions) _tables[(definition.Dataset, definition.Name)] = new Table(definition);
    }

    public string Project { get; }

    public IEnumerable<Table> Tables => _tables.Values;

    public Table? Find(string project, string dataset, string table) =>
        project == Project && _tables.TryGetValue((dataset, table), out var found) ? found : null;

    /// <summary>Every CREATE TABLE in the *.sql files of <paramref name="directory"/>, in name order.</summary>
    public static Catalog Load(string project, string directory)
    {
        var files = Directory.GetFiles(directory, "*.sql").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new FileNotFoundException($"no *.sql DDL in {directory}");
        return new Catalog(project, files.SelectMany(f => DdlParser.Parse(File.ReadAllText(f), Path.GetFileName(f))));
    }
}
