using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using Perfolizer.Metrology;
using XWebhooks.Benchmarks;

// `--check`: verify both paths hand the handlers equal events and print an allocation breakdown, then exit.
// Anything else goes to BenchmarkDotNet (for example `--filter '*' --job short`).
if (args is ["--check", ..])
{
    return await Check.RunAsync();
}

// `--allocations`: bytes per request of the delivery endpoint (inline and inbox mode) against reading the body alone
// and a hand-written receiver, then exit.
if (args is ["--allocations", ..])
{
    return await EndpointAllocations.RunAsync();
}

// Fixed units, full parameter names and invariant culture so benchmarks/run-benchmarks.sh can parse the CSV.
var style = SummaryStyle.Default
    .WithMaxParameterColumnWidth(64)
    .WithTimeUnit(TimeUnit.Nanosecond)
    .WithSizeUnit(SizeUnit.B)
    .WithCultureInfo(CultureInfo.InvariantCulture);
var csvStyle = new SummaryStyle(
    CultureInfo.InvariantCulture, printUnitsInHeader: true, SizeUnit.B, TimeUnit.Nanosecond,
    printUnitsInContent: false, printZeroValuesInContent: true, maxParameterColumnWidth: 64);
var config = DefaultConfig.Instance;
var exporters = config.GetExporters().Where(e => e is not CsvExporter).ToArray();
var parseable = ManualConfig.CreateEmpty()
    .AddColumnProvider(config.GetColumnProviders().ToArray())
    .AddLogger(config.GetLoggers().ToArray())
    .AddAnalyser(config.GetAnalysers().ToArray())
    .AddValidator(config.GetValidators().ToArray())
    .AddDiagnoser(config.GetDiagnosers().ToArray())
    .AddExporter(exporters)
    .AddExporter(new CsvExporter(CsvSeparator.Comma, csvStyle))
    .WithSummaryStyle(style)
    .WithOptions(config.Options)
    .WithArtifactsPath(config.ArtifactsPath);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, parseable);
return 0;
