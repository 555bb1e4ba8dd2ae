using System.Text.Json;
using System.Text.RegularExpressions;
using StreamProcessor.Tests.EndToEnd;
using YamlDotNet.RepresentationModel;

namespace StreamProcessor.Tests.Service;

[Collection(ServiceCollection.Name)]
public partial class DeployMetricNamesTests(RealSeasonFixture season)
{
    // A metric of this service or of its process/runtime, wherever it appears in a query or a description.
    [GeneratedRegex(@"\b(?:stream|process|dotnet)_[a-z0-9_]+\b")]
    private static partial Regex OurMetric();

    // Whatever stands right before a selector's braces or a range's brackets is a metric name, whatever its prefix.
    [GeneratedRegex(@"([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?=[\{\[])")]
    private static partial Regex SelectedMetric();

    // name{label="value", ...}: the label values a query expects to exist.
    [GeneratedRegex("""([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\}""")]
    private static partial Regex Selector();

    [GeneratedRegex("""(\w+)\s*=\s*"([^"$]*)"(?=\s*(,|$))""")]
    private static partial Regex ExactMatcher();

    [Fact]
    public async Task Every_metric_the_dashboard_and_the_alert_rules_use_appears_in_a_real_scrape()
    {
        var (dashboardQueries, dashboardTexts) = DashboardQueries();
        var (alertQueries, alertTexts) = AlertQueries();
        Assert.True(dashboardQueries.Count >= 15, $"only {dashboardQueries.Count} dashboard queries");
        Assert.Equal(9, alertQueries.Count);

        using var temp = new TempDirectory();
        await using var service = ServiceProcess.Start(season.DataDir, temp.Path, new Dictionary<string, string>
        {
            ["STREAM_SPOOL__DIRECTORY"] = temp.File("spool"),
            ["STREAM_SPOOL__ACK_LOG"] = temp.File("acks.log"),
        });
        await service.WaitUntilReadyAsync();
        var scrape = await service.ScrapeAsync();

        var missing = new List<string>();
        foreach (var query in dashboardQueries.Concat(alertQueries))
        {
            var names = OurMetric().Matches(query).Select(m => m.Value)
                .Concat(SelectedMetric().Matches(query).Select(m => m.Groups[1].Value))
                .ToHashSet();
            Assert.True(names.Count > 0, $"no metric found in: {query}");
            missing.AddRange(names.Where(n => !scrape.SeriesNames.Contains(n)).Select(n => $"{n} (in {query})"));
            foreach (Match selector in Selector().Matches(query))
            foreach (Match matcher in ExactMatcher().Matches(selector.Groups[2].Value))
            {
                var (metric, label, value) = (selector.Groups[1].Value, matcher.Groups[1].Value, matcher.Groups[2].Value);
                if (!scrape.Has(metric, (label, value))) missing.Add($"{metric}{{{label}=\"{value}\"}} (in {query})");
            }
        }
        foreach (var text in dashboardTexts.Concat(alertTexts))
            missing.AddRange(OurMetric().Matches(text).Select(m => m.Value).Where(n => !scrape.SeriesNames.Contains(n)).Select(n => $"{n} (in the text \"{text}\")"));
        Assert.True(missing.Count == 0, "not in a scrape of stream run:\n" + string.Join('\n', missing.Distinct()));

        service.SendSigterm();
        Assert.Equal(0, await service.WaitForExitAsync());
    }

    [Fact]
    public void The_alert_rules_cover_the_five_conditions_operators_asked_for()
    {
        var alerts = AlertRules().ToDictionary(r => r["alert"], r => r);
        Assert.Equal(["StreamBreakerOpen", "StreamErrorRateHigh", "StreamInputStale", "StreamLatencyP95High", "StreamLinesStale", "StreamNoFeaturesForToday",
            "StreamNoPredictions", "StreamRequestsUnacknowledged", "StreamSystemSuccessRateLow"], alerts.Keys.Order());
        Assert.Contains("> 0.10", alerts["StreamErrorRateHigh"]["expr"]);
        Assert.Contains("[1h]", alerts["StreamNoPredictions"]["expr"]);
        Assert.Contains("histogram_quantile(0.95", alerts["StreamLatencyP95High"]["expr"]);
        Assert.Contains("> 1", alerts["StreamLatencyP95High"]["expr"]);
        Assert.Contains("< 0.90", alerts["StreamSystemSuccessRateLow"]["expr"]);
        Assert.Contains("== 2", alerts["StreamBreakerOpen"]["expr"]);
        Assert.Equal("30m", alerts["StreamBreakerOpen"]["for"]);
        Assert.Contains("stream_requests_unacknowledged_total", alerts["StreamRequestsUnacknowledged"]["expr"]);
        Assert.Contains("> 24 * 3600", alerts["StreamInputStale"]["expr"]); // production's freshness thresholds
        Assert.Contains("> 12 * 3600", alerts["StreamLinesStale"]["expr"]);
        Assert.Contains("stream_input_rows_today", alerts["StreamNoFeaturesForToday"]["expr"]);
    }

    [Fact]
    public void The_dashboard_shows_the_views_operators_asked_for()
    {
        var titles = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("deploy/grafana-dashboard.json"))).RootElement
            .GetProperty("panels").EnumerateArray().Select(p => p.GetProperty("title").GetString()!).ToArray();
        foreach (var view in new[] { "Throughput", "p50 / p95 / p99", "Success rate by system", "Breaker state", "Dead letters by reason", "Queue saturation" })
            Assert.Contains(titles, t => t.Contains(view, StringComparison.Ordinal));
    }

    private static (List<string> Queries, List<string> Texts) DashboardQueries()
    {
        var queries = new List<string>();
        var texts = new List<string>();
        void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Value.ValueKind == JsonValueKind.String && property.Name is "expr" or "query")
                            queries.Add(property.Value.GetString()!);
                        else if (property.Value.ValueKind == JsonValueKind.String && property.Name is "description" or "title")
                            texts.Add(property.Value.GetString()!);
                        else Walk(property.Value);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray()) Walk(item);
                    break;
            }
        }
        Walk(JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("deploy/grafana-dashboard.json"))).RootElement);
        return (queries.Where(q => OurMetric().IsMatch(q) || SelectedMetric().IsMatch(q)).ToList(), texts);
    }

    private static (List<string> Queries, List<string> Texts) AlertQueries()
    {
        var rules = AlertRules().ToList();
        return (rules.Select(r => r["expr"]).ToList(), rules.SelectMany(r => new[] { r.GetValueOrDefault("summary", ""), r.GetValueOrDefault("description", "") }).ToList());
    }

    private static IEnumerable<Dictionary<string, string>> AlertRules()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepositoryFiles.Path("deploy/prometheus-alerts.yaml"))) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (YamlMappingNode group in (YamlSequenceNode)root["groups"])
        foreach (YamlMappingNode rule in (YamlSequenceNode)group["rules"])
        {
            var flat = new Dictionary<string, string>();
            foreach (var (key, value) in rule.Children)
            {
                if (value is YamlScalarNode scalar) flat[((YamlScalarNode)key).Value!] = scalar.Value!;
                else if (value is YamlMappingNode map)
                    foreach (var (k, v) in map.Children) flat[((YamlScalarNode)k).Value!] = ((YamlScalarNode)v).Value!;
            }
            yield return flat;
        }
    }
}
