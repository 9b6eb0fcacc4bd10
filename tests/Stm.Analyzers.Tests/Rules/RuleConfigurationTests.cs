using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Rules;

/// <summary>For every rule: its representative case reports the exact message, and .editorconfig and #pragma control it.</summary>
public sealed class RuleConfigurationTests
{
    [Theory]
    [MemberData(nameof(RuleSamples.Ids), MemberType = typeof(RuleSamples))]
    public async Task Representative_case_reports_the_exact_message(string id)
    {
        RuleSamples.Sample sample = RuleSamples.Get(id);
        ImmutableArray<Diagnostic> diagnostics = await Verify.DiagnosticsAsync(sample.Analyzer(), sample.Markup, outputKind: sample.OutputKind);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(sample.Message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(RuleSamples.Ids), MemberType = typeof(RuleSamples))]
    public async Task Editorconfig_severity_override_applies(string id)
    {
        RuleSamples.Sample sample = RuleSamples.Get(id);
        DiagnosticSeverity other = sample.Analyzer().SupportedDiagnostics.Single().DefaultSeverity == DiagnosticSeverity.Error
            ? DiagnosticSeverity.Warning
            : DiagnosticSeverity.Error;
        string severity = other == DiagnosticSeverity.Error ? "error" : "warning";
        ImmutableArray<Diagnostic> raised = await Verify.DiagnosticsAsync(
            sample.Analyzer(), sample.Markup, editorConfig: $"dotnet_diagnostic.{id}.severity = {severity}\n", outputKind: sample.OutputKind);
        Assert.Equal(other, Assert.Single(raised).Severity);

        Document document = TestProject.CreateDocument(Markup.Parse(sample.Markup).Source, $"dotnet_diagnostic.{id}.severity = none\n", outputKind: sample.OutputKind);
        Assert.Empty(await AnalyzerRunner.GetDiagnosticsAsync(document.Project, sample.Analyzer()));
    }

    [Theory]
    [MemberData(nameof(RuleSamples.Ids), MemberType = typeof(RuleSamples))]
    public async Task Pragma_suppresses_the_diagnostic(string id)
    {
        RuleSamples.Sample sample = RuleSamples.Get(id);
        string source = "#pragma warning disable " + id + "\n" + Markup.Parse(sample.Markup).Source + "\n#pragma warning restore " + id + "\n";
        Document document = TestProject.CreateDocument(source, outputKind: sample.OutputKind);
        Assert.Empty(await AnalyzerRunner.GetDiagnosticsAsync(document.Project, sample.Analyzer()));
    }

    [Theory]
    [MemberData(nameof(RuleSamples.Ids), MemberType = typeof(RuleSamples))]
    public async Task Registers_nothing_when_Stm_Runtime_is_not_referenced(string id)
    {
        RuleSamples.Sample sample = RuleSamples.Get(id);
        const string plain = "internal static class C { public static void M() { lock (typeof(C)) { System.Console.WriteLine(); } } }";

        AnalyzerTelemetryInfo without = await AnalyzerRunner.GetTelemetryAsync(TestProject.CreateDocument(plain, referenceStm: false).Project, sample.Analyzer());
        Assert.Equal(1, without.CompilationStartActionsCount);
        Assert.Equal(0, without.OperationActionsCount + without.SymbolActionsCount + without.CompilationEndActionsCount + without.SyntaxNodeActionsCount);

        AnalyzerTelemetryInfo with = await AnalyzerRunner.GetTelemetryAsync(TestProject.CreateDocument(plain).Project, sample.Analyzer());
        Assert.True(with.OperationActionsCount + with.SymbolActionsCount > 0);
    }
}
