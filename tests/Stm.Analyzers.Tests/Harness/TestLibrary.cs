using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stm.Generator;
using Xunit;

namespace Stm.Analyzers.Tests.Harness;

/// <summary>
/// A class library compiled on its own, with the real Stm generator, and referenced as metadata: the rules then see its
/// types as a user's project sees a referenced project or package (no syntax, attributes and accessors as compiled).
/// </summary>
internal static class TestLibrary
{
    /// <summary>
    /// Compiles <paramref name="source"/> into the assembly <paramref name="assemblyName"/> (with the framework, Stm.Runtime
    /// and <paramref name="references"/>), runs the generator over it and returns the emitted image as a reference: the
    /// full assembly (what a package's <c>lib/</c> holds), or with <paramref name="referenceAssembly"/> the reference
    /// assembly (what a project compiles against through a ProjectReference: no private members, no method bodies).
    /// Fails the test when the library, generated code included, does not compile.
    /// </summary>
    public static MetadataReference Compile(string assemblyName, string source, bool referenceAssembly = false, params MetadataReference[] references)
    {
        // Preview: libraries are built with C# 14 (the SDK's compiler), which Roslyn 4.14 knows as preview (the field keyword).
        Document document = TestProject.CreateDocument(source, languageVersion: LanguageVersion.Preview);
        Compilation compilation = document.Project.GetCompilationAsync().GetAwaiter().GetResult()!
            .WithAssemblyName(assemblyName)
            .AddReferences(references);
        CSharpGeneratorDriver.Create([new TransactionalGenerator().AsSourceGenerator()], parseOptions: (CSharpParseOptions)document.Project.ParseOptions!)
            .RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);

        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(
            image,
            options: referenceAssembly ? new Microsoft.CodeAnalysis.Emit.EmitOptions(metadataOnly: true, includePrivateMembers: false) : null);
        IEnumerable<Diagnostic> errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(result.Success, assemblyName + " does not compile:\n" + string.Join("\n", errors));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
