namespace Stm.Analyzers;

/// <summary>The diagnostic IDs of DESIGN §4 (fixed: users suppress and configure them by these names).</summary>
public static class RuleIdentifiers
{
    /// <summary>Where the rule pages live; every descriptor's help link is this plus <c>STMxxxx.md</c>.</summary>
    public const string HelpBaseUri = "https://github.com/stm-dotnet/stm/blob/main/docs/diagnostics/";

    public const string NotAPartialClass = "STM0001";
    public const string UntrackedMutableMember = "STM0002";
    public const string MutableObjectInMember = "STM0003";
    public const string ImmutableMember = "STM0004";
    public const string AssignedOnlyDuringConstruction = "STM0005";
    public const string IrreversibleEffect = "STM0010";
    public const string UnsafeCallChain = "STM0011";
    public const string AwaitInAtomicBlock = "STM0012";
    public const string BlockingInAtomicBlock = "STM0013";
    public const string UntrackedWriteInAtomicBlock = "STM0014";
    public const string ReadModifyWriteOutsideAtomicBlock = "STM0015";
    public const string TransactionOnlyCallOutsideAtomicBlock = "STM0016";

    /// <summary>The help link of a rule: its page under <c>docs/diagnostics</c>.</summary>
    public static string GetHelpUri(string id) => HelpBaseUri + id + ".md";
}
