using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stm.Fuzz.Cases;

namespace Stm.Fuzz.Checking;

/// <summary>
/// Applies the code fixes, one diagnostic at a time and through FixAll, in a workspace holding the case's files and
/// the generated ones (as an IDE sees them). No fix may throw, and a fix applied to code that compiled must leave
/// code that compiles (the generator is run again over the fixed code, which must not make it throw either).
/// </summary>
internal sealed class CodeFixCheck
{
    /// <summary>Diagnostics per fixer under <see cref="FixCoverage.Sample"/>: enough to vary, few enough to keep cases fast.</summary>
    public const int SampleSize = 3;

    /// <summary>Distinct errors reported per applied fix: the first ones explain it, the rest are consequences.</summary>
    private const int ErrorsPerFix = 3;

    private const string ProjectDirectory = "/0/";

    private readonly FuzzCase _case;
    private readonly CheckResult _result;
    private readonly bool _inputCompiles;
    private readonly Dictionary<DocumentId, int> _userDocuments = [];

    private CodeFixCheck(FuzzCase fuzzCase, CheckResult result)
    {
        _case = fuzzCase;
        _result = result;
        _inputCompiles = result.OutputErrors.Count == 0;
    }

    public static void Run(FuzzCase fuzzCase, GeneratorRun run, CheckResult result, CheckOptions options)
    {
        // Building a workspace is the expensive part: skip it when no fixer has anything to act on.
        HashSet<string> fixable = Toolchain.Fixers.SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
        if (!result.AnalyzerDiagnostics.Any(d => fixable.Contains(d.Id) && d.Location.IsInSource && !run.IsGenerated(d.Location.SourceTree)))
        {
            return;
        }

        try
        {
            new CodeFixCheck(fuzzCase, result).Run(run, options);
        }
        catch (Exception ex)
        {
            result.Add(Finding.Create(FindingKind.HarnessError, "the code-fix check threw " + Signatures.Exception(ex), ex.ToString()));
        }
    }

    private void Run(GeneratorRun run, CheckOptions options)
    {
        using var workspace = new AdhocWorkspace();
        Project project = CreateProject(workspace, run);
        Compilation compilation = project.GetCompilationAsync().GetAwaiter().GetResult()!;
        ImmutableArray<Diagnostic> diagnostics = compilation
            .WithAnalyzers(Toolchain.Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

        foreach (CodeFixProvider fixer in Toolchain.Fixers)
        {
            List<Diagnostic> fixable = diagnostics
                .Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && project.GetDocument(d.Location.SourceTree) is { } document && _userDocuments.ContainsKey(document.Id))
                .ToList();
            if (fixable.Count == 0)
            {
                continue;
            }

            IEnumerable<Diagnostic> chosen = options.Fixes == FixCoverage.All ? fixable : fixable.OrderBy(_ => options.Random.Next()).Take(SampleSize);
            var fixAllTargets = new SortedDictionary<string, Document>(StringComparer.Ordinal); // equivalence key -> a document where it was offered
            foreach (Diagnostic diagnostic in chosen)
            {
                Document document = project.GetDocument(diagnostic.Location.SourceTree)!;
                foreach (CodeAction action in Register(fixer, document, diagnostic))
                {
                    if (action.EquivalenceKey is { } key)
                    {
                        fixAllTargets.TryAdd(key, document);
                    }

                    ApplyAndCheck(action, $"{fixer.GetType().Name} {action.EquivalenceKey}", diagnostic.ToString());
                }
            }

            if (fixer.GetFixAllProvider() is { } fixAll)
            {
                foreach ((string key, Document document) in fixAllTargets)
                {
                    RunFixAll(fixer, fixAll, key, document, fixable);
                }
            }
        }
    }

    private Project CreateProject(AdhocWorkspace workspace, GeneratorRun run)
    {
        ProjectId projectId = ProjectId.CreateNewId();
        Solution solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Tests", "Tests", LanguageNames.CSharp,
            filePath: ProjectDirectory + "Tests.csproj",
            compilationOptions: Toolchain.CompilationOptions(_case),
            parseOptions: Toolchain.ParseOptions(_case),
            metadataReferences: Toolchain.ReferencesFor(_case)));
        for (int i = 0; i < _case.Files.Count; i++)
        {
            CaseFile file = _case.Files[i];
            DocumentId id = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(id, Path.GetFileName(file.Path), SourceText.From(file.Text, Encoding.UTF8), filePath: ProjectDirectory + file.Path);
            _userDocuments[id] = i;
        }

        // The generated files as ordinary documents: fixes see the members the generator adds, as in an IDE.
        foreach (GeneratedSourceResult source in run.Sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), source.HintName, source.SourceText, filePath: ProjectDirectory + "obj/generated/" + source.HintName);
        }

        return solution.GetProject(projectId)!;
    }

    private List<CodeAction> Register(CodeFixProvider fixer, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        try
        {
            fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None)).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            _result.Add(Finding.Create(FindingKind.CodeFixCrash, $"{fixer.GetType().Name} {diagnostic.Id} registering: {Signatures.Exception(ex)}", diagnostic + "\n" + ex));
        }

        return actions;
    }

    private void RunFixAll(CodeFixProvider fixer, FixAllProvider fixAll, string key, Document document, List<Diagnostic> diagnostics)
    {
        string what = $"{fixer.GetType().Name} FixAll {key}";
        try
        {
            var context = new FixAllContext(document, fixer, FixAllScope.Document, key, fixer.FixableDiagnosticIds, new KnownDiagnostics(diagnostics), CancellationToken.None);
            if (fixAll.GetFixAsync(context).GetAwaiter().GetResult() is { } action)
            {
                ApplyAndCheck(action, what, $"all {diagnostics.Count} in {document.Name}");
            }
        }
        catch (Exception ex)
        {
            _result.Add(Finding.Create(FindingKind.CodeFixCrash, $"{what}: {Signatures.Exception(ex)}", ex.ToString()));
        }
    }

    /// <summary>Computes the action's change, and checks the changed code.</summary>
    private void ApplyAndCheck(CodeAction action, string what, string target)
    {
        ImmutableArray<CodeActionOperation> operations;
        try
        {
            operations = action.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            _result.Add(Finding.Create(FindingKind.CodeFixCrash, $"{what}: {Signatures.Exception(ex)}", "fixing: " + target + "\n" + ex));
            return;
        }

        foreach (ApplyChangesOperation apply in operations.OfType<ApplyChangesOperation>())
        {
            FuzzCase fixedCase = _case;
            foreach ((DocumentId id, int index) in _userDocuments)
            {
                string text = apply.ChangedSolution.GetDocument(id) is { } changed ? changed.GetTextAsync().GetAwaiter().GetResult().ToString() : string.Empty;
                if (text != _case.Files[index].Text)
                {
                    fixedCase = fixedCase.WithFileText(index, text);
                }
            }

            _result.FixesApplied++;
            CheckFixedCode(fixedCase, what, target);
        }
    }

    private void CheckFixedCode(FuzzCase fixedCase, string what, string target)
    {
        GeneratorDriver driver = Toolchain.CreateDriver(fixedCase).RunGeneratorsAndUpdateCompilation(Toolchain.CreateCompilation(fixedCase), out Compilation output, out _);
        if (driver.GetRunResult().Results.Single().Exception is { } exception)
        {
            _result.Add(Finding.Create(FindingKind.GeneratorCrash, $"after {what}: {Signatures.Exception(exception)}", exception.ToString()));
        }

        if (!_inputCompiles)
        {
            return; // a fix is not asked to repair code that did not compile, nor blamed for its errors
        }

        var errors = output.GetDiagnostics().Where(OutputCheck.IsError).ToList();
        foreach (Diagnostic error in errors.GroupBy(e => e.Id + Signatures.Message(e.GetMessage(CultureInfo.InvariantCulture))).Select(g => g.First()).Take(ErrorsPerFix))
        {
            var detail = new StringBuilder()
                .Append("fix: ").Append(what).Append('\n')
                .Append("fixing: ").Append(target).Append('\n')
                .Append("errors after the fix:\n");
            foreach (Diagnostic e in errors)
            {
                detail.Append("  ").Append(OutputCheck.WithSourceLine(e)).Append('\n');
            }

            detail.Append("\nthe fixed files:\n");
            foreach (CaseFile file in fixedCase.Files.Where(f => !_case.Files.Contains(f)))
            {
                detail.Append("//---- ").Append(file.Path).Append('\n').Append(file.Text).Append('\n');
            }

            _result.Add(Finding.Create(FindingKind.CodeFixBreaksBuild, $"{what}: {error.Id} {Signatures.Message(error.GetMessage(CultureInfo.InvariantCulture))}", detail.ToString()));
        }
    }

    /// <summary>FixAll's view of the diagnostics: the ones already computed, instead of analyzing again.</summary>
    private sealed class KnownDiagnostics(List<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            SyntaxTree? tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
