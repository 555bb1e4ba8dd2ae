namespace StreamProcessor.Google.BigQuery;

/// <summary>A BigQuery table: project, dataset (e.g. nba_predictions) and table id.</summary>
public sealed record TableReference(string Project, string Dataset, string Table)
{
    public string Path => $"projects/{Project}/datasets/{Dataset}/tables/{Table}";

    public string DefaultStream => Path + "/streams/_default";
}
