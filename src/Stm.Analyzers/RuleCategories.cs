namespace Stm.Analyzers;

/// <summary>Diagnostic categories: how the rules group in an IDE's list and in <c>.editorconfig</c> bulk settings.</summary>
internal static class RuleCategories
{
    /// <summary>How a <c>[Transactional]</c> class is declared (STM0001-STM0005).</summary>
    public const string Design = "Stm.Design";

    /// <summary>What code does inside or around atomic blocks (STM0010-STM0016).</summary>
    public const string Usage = "Stm.Usage";
}
