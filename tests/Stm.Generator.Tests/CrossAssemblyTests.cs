using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace Stm.Generator.Tests;

/// <summary>A transactional class deriving from one compiled in another assembly uses that assembly's header.</summary>
public class CrossAssemblyTests
{
    private const string BaseSource = """
        using Stm;

        namespace Lib;

        /// <summary>Base.</summary>
        [Transactional]
        public partial class Vehicle
        {
            /// <summary>Speed.</summary>
            public partial int Speed { get; set; }
        }
        """;

    private const string DerivedSource = """
        using Stm;

        namespace App;

        /// <summary>Derived in another assembly.</summary>
        [Transactional]
        public sealed partial class Bus : Lib.Vehicle
        {
            /// <summary>Seats.</summary>
            public partial int Seats { get; set; }

            /// <summary>Runs a transaction over base and derived properties, one nested block rolled back.</summary>
            public static string Exercise()
            {
                var bus = new Bus { Speed = 1, Seats = 2 };
                Atomic.Run(() =>
                {
                    bus.Speed = 10;
                    bus.Seats = 20;
                    try
                    {
                        Atomic.Run(() => { bus.Seats = 99; throw new System.InvalidOperationException(); });
                    }
                    catch (System.InvalidOperationException)
                    {
                    }
                });
                return bus.Speed + "/" + bus.Seats + "/" + (bus is global::Stm.Internal.ITransactionalObject);
            }
        }
        """;

    [Fact]
    public void A_derived_class_in_another_assembly_uses_the_base_header_and_runs()
    {
        GeneratorOutcome library = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([("Vehicle.cs", BaseSource)], "Lib"));
        Assert.Empty(library.OutputProblems);
        byte[] libraryImage = GeneratorHarness.Emit(library.Output);

        CSharpCompilation app = GeneratorHarness.CreateCompilation(
            [("Bus.cs", DerivedSource)], "App", [MetadataReference.CreateFromImage(libraryImage)]);
        GeneratorOutcome outcome = GeneratorHarness.Run(app);

        Assert.Null(outcome.Result.Exception);
        Assert.True(outcome.OutputProblems.Count == 0, outcome.Describe(outcome.OutputProblems));
        string generated = outcome.Sources.Single().SourceText.ToString();
        Assert.DoesNotContain("ITransactionalObject", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("TxHeader __stm", generated, StringComparison.Ordinal);

        var context = new TwoAssemblyContext(libraryImage);
        Assembly appAssembly = context.LoadFromStream(new MemoryStream(GeneratorHarness.Emit(outcome.Output)));
        object? result = appAssembly.GetType("App.Bus")!.GetMethod("Exercise")!.Invoke(null, null);
        Assert.Equal("10/20/True", result);
    }


    /// <summary>Loads the library image on demand; Stm.Runtime and the framework come from the default context.</summary>
    private sealed class TwoAssemblyContext(byte[] libraryImage) : AssemblyLoadContext("stm-cross-assembly")
    {
        private Assembly? _library;

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == "Lib" ? _library ??= LoadFromStream(new MemoryStream(libraryImage)) : null;
    }
}
