using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Stm.Shared;
using Xunit;

namespace Stm.Generator.Tests;

/// <summary>The declaration checks the generator and the analyzers share (src/Stm.Shared).</summary>
public class SharedChecksTests
{
    private const string Source = """
        using System;
        using Stm;

        [Transactional] public partial class Good { }
        [Transactional] public class NotPartial { }
        [Transactional] public partial struct S { }
        [Transactional] public partial record struct RS { }
        [Transactional] public static partial class Static { }
        public class Outer { [Transactional] public partial class Inner { } }
        [Transactional] file partial class FileLocal { }
        [Transactional] public partial class Reserved { private int __stm; }
        [Transactional] public partial class __stmNamed { public partial int X { get; set; } }
        public class HandWritten : Stm.Internal.ITransactionalObject
        {
            private Stm.Internal.TxHeader _header = Stm.Internal.TxHeader.Create();
            ref Stm.Internal.TxHeader Stm.Internal.ITransactionalObject.StmHeader => ref _header;
            object Stm.Internal.ITransactionalObject.StmClone() => MemberwiseClone();
            void Stm.Internal.ITransactionalObject.StmPublish(object copy) { }
        }
        [Transactional] public partial class OnHandWritten : HandWritten { public partial int P { get; set; } }
        public class BetweenHandWritten : HandWritten { }
        [Transactional] public partial class BelowHandWritten : BetweenHandWritten { }
        public partial interface I { }

        [Transactional]
        public unsafe partial class Members
        {
            public partial int Tracked { get; set; }
            public partial int TrackedInit { get; init; }
            public readonly int ImmutableField;
            public int GetOnly { get; }
            public int InitOnly { get; init; }
            public int MutableField;
            public int Settable { get; set; }
            public int Computed => 1;
            public static int StaticField;
            public const int Constant = 1;
            public event EventHandler? Changed;
            public void Method() { }
            public static partial int StaticPartial { get; set; }
            public partial ref int RefReturning { get; }
            public partial int this[int i] { get; set; }
            public partial int Written { get; set; }
            public partial int Written { get => 0; set { } }
            public partial Missing Error { get; set; }
            public partial Span<int> RefLike { get; set; }
            public partial int* Pointer { get; set; }
            public partial int GetOnlyPartial { get; }
        }
        """;

    private static readonly Compilation s_compilation = GeneratorHarness.CreateCompilation([("Checks.cs", Source)]);

    [Theory]
    [InlineData("Good", "Supported")]
    [InlineData("NotPartial", "NotPartial")]
    [InlineData("S", "Struct")]
    [InlineData("RS", "RecordStruct")]
    [InlineData("Static", "Static")]
    [InlineData("Outer+Inner", "ContainingTypeNotPartial")]
    [InlineData("Reserved", "ReservedMemberName")]
    [InlineData("__stmNamed", "ReservedMemberName")]
    [InlineData("OnHandWritten", "HandWrittenTransactionalBase")]
    [InlineData("BelowHandWritten", "HandWrittenTransactionalBase")]
    [InlineData("I", "Interface")]
    public void Types_are_classified(string metadataName, string status)
    {
        var expected = Enum.Parse<TransactionalTypeStatus>(status);
        INamedTypeSymbol type = s_compilation.GetTypeByMetadataName(metadataName)!;
        Assert.Equal(expected, TransactionalChecks.CheckType(type));
    }

    [Fact]
    public void File_local_types_are_rejected()
    {
        INamedTypeSymbol type = s_compilation.GetSymbolsWithName("FileLocal").OfType<INamedTypeSymbol>().Single();
        Assert.Equal(TransactionalTypeStatus.FileLocal, TransactionalChecks.CheckType(type));
    }

    [Theory]
    [InlineData("Tracked", "TransactionalProperty", "None")]
    [InlineData("TrackedInit", "TransactionalProperty", "None")]
    [InlineData("ImmutableField", "ImmutableField", "None")]
    [InlineData("GetOnly", "ImmutableProperty", "None")]
    [InlineData("InitOnly", "ImmutableProperty", "None")]
    [InlineData("MutableField", "MutableField", "None")]
    [InlineData("Settable", "MutableProperty", "None")]
    [InlineData("Computed", "NotState", "None")]
    [InlineData("StaticField", "NotState", "None")]
    [InlineData("Constant", "NotState", "None")]
    [InlineData("Changed", "NotState", "None")]
    [InlineData("Method", "NotState", "None")]
    [InlineData("StaticPartial", "UnsupportedPartialProperty", "Static")]
    [InlineData("RefReturning", "UnsupportedPartialProperty", "RefReturning")]
    [InlineData("this[]", "UnsupportedPartialProperty", "Indexer")]
    [InlineData("Written", "UnsupportedPartialProperty", "HasImplementation")]
    [InlineData("Error", "UnsupportedPartialProperty", "ErrorType")]
    [InlineData("RefLike", "UnsupportedPartialProperty", "RefLikeType")]
    [InlineData("Pointer", "UnsupportedPartialProperty", "PointerType")]
    [InlineData("GetOnlyPartial", "UnsupportedPartialProperty", "AccessorShape")]
    public void Members_are_classified(string name, string kindName, string reasonName)
    {
        var kind = Enum.Parse<TransactionalMemberKind>(kindName);
        var reason = Enum.Parse<UnsupportedPropertyReason>(reasonName);
        INamedTypeSymbol type = s_compilation.GetTypeByMetadataName("Members")!;
        ISymbol member = type.GetMembers(name).First(m => !m.IsImplicitlyDeclared);
        Assert.Equal(new MemberClassification(kind, reason), TransactionalChecks.ClassifyMember(member));
    }

    [Fact]
    public void Members_emitted_by_the_generator_are_recognised_as_generated()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(("A.cs", "using Stm;\n[Transactional] public partial class A { public partial int X { get; set; } }"));
        INamedTypeSymbol type = outcome.Output.GetTypeByMetadataName("A")!;

        Assert.Equal(TransactionalTypeStatus.Supported, TransactionalChecks.CheckType(type));
        Assert.Equal(TransactionalMemberKind.Generated, TransactionalChecks.ClassifyMember(type.GetMembers("X").Single()).Kind);
        Assert.Equal(TransactionalMemberKind.Generated, TransactionalChecks.ClassifyMember(type.GetMembers("__stm").Single()).Kind);
        Assert.Equal(TransactionalMemberKind.Generated, TransactionalChecks.ClassifyMember(type.GetMembers("__stm_X").Single()).Kind);
    }
}
