using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Stm.Analyzers.Tests.Harness;

/// <summary>Builds an <see cref="AdhocWorkspace"/> project: the test source(s), the framework, Stm.Runtime, an optional .editorconfig and additional files.</summary>
internal static class TestProject
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiler errors the harness tolerates: without the generator, partial properties have no implementation part.</summary>
    public static readonly ImmutableHashSet<string> ToleratedErrors = ImmutableHashSet.Create("CS9248");

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static Document CreateDocument(
        string source,
        string? editorConfig = null,
        IEnumerable<(string Name, string Text)>? additionalFiles = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        bool referenceStm = true,
        LanguageVersion? languageVersion = null)
    {
        var workspace = new AdhocWorkspace();
        ProjectId projectId = ProjectId.CreateNewId();
        // Unsafe code allowed: some declaration rules are about pointer members.
        var compilationOptions = new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);
        IEnumerable<MetadataReference> references = referenceStm
            ? References.Value
            : References.Value.Where(r => !string.Equals(Path.GetFileName(r.Display), "Stm.Runtime.dll", StringComparison.OrdinalIgnoreCase));
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Test", "Test", LanguageNames.CSharp,
                filePath: "/0/Test.csproj",
                compilationOptions: compilationOptions,
                parseOptions: languageVersion is { } version ? new CSharpParseOptions(version) : ParseOptions,
                metadataReferences: references));
        DocumentId documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Test0.cs", SourceText.From(source), filePath: "/0/Test0.cs");
        if (editorConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(
                DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From("root = true\n\n[*.cs]\n" + editorConfig), filePath: "/0/.editorconfig");
        }

        foreach ((string name, string text) in additionalFiles ?? [])
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(text), filePath: "/0/" + name);
        }

        return solution.GetDocument(documentId)!;
    }

    /// <summary>
    /// <paramref name="document"/> in its project with Stm.Runtime referenced under the extern alias
    /// <paramref name="alias"/> only (<c>&lt;Aliases&gt;stm&lt;/Aliases&gt;</c>): <c>global::Stm</c> names nothing there.
    /// </summary>
    public static Document WithAliasedRuntime(Document document, string alias = "stm")
    {
        Project project = document.Project;
        MetadataReference runtime = project.MetadataReferences.Single(r => string.Equals(Path.GetFileName(r.Display), "Stm.Runtime.dll", StringComparison.OrdinalIgnoreCase));
        return project.RemoveMetadataReference(runtime).AddMetadataReference(runtime.WithAliases([alias])).GetDocument(document.Id)!;
    }

    /// <summary>The running framework's assemblies (the test host runs on the same framework as the samples) plus Stm.Runtime.</summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = trusted.Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(Stm.Atomic).Assembly.Location));
        return references.ToImmutableArray();
    }
}
