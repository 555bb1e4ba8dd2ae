using System.Reflection;
using DuckDB.NET.Data;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// Applies the versioned DDL files (<c>Migrations/NNN_name.sql</c>, embedded in this assembly) that a
/// warehouse file has not recorded yet, each in its own transaction, in version order.
/// </summary>
internal static class Migrations
{
    private const string ResourcePrefix = "StreamProcessor.Sinks.Warehouse.Migrations.";

    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = Load();

    public static void Apply(DuckDBConnection connection)
    {
        Execute(connection, """
            CREATE SCHEMA IF NOT EXISTS nba_orchestration;
            CREATE TABLE IF NOT EXISTS nba_orchestration.schema_migrations (
                version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL);
            """);
        var applied = new HashSet<int>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT version FROM nba_orchestration.schema_migrations";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) applied.Add(reader.GetInt32(0));
        }
        foreach (var (version, name, sql) in All.Where(m => !applied.Contains(m.Version)))
        {
            using var tx = connection.BeginTransaction();
            Execute(connection, sql);
            using var record = connection.CreateCommand();
            record.CommandText = "INSERT INTO nba_orchestration.schema_migrations VALUES ($1, $2, now())";
            record.Parameters.Add(new DuckDBParameter(version));
            record.Parameters.Add(new DuckDBParameter(name));
            record.ExecuteNonQuery();
            tx.Commit();
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static IReadOnlyList<(int, string, string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[ResourcePrefix.Length..^4];
                var version = int.Parse(name.AsSpan(0, name.IndexOf('_')));
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (version, name, reader.ReadToEnd());
            })
            .OrderBy(m => m.version)
            .ToArray();
    }
}
