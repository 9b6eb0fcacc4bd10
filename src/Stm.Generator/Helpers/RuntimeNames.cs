namespace Stm.Generator.Helpers;

/// <summary>
/// The Stm runtime's types as the generated code names them: through <c>global::</c>, or through the extern alias
/// under which the project references Stm.Runtime (see <see cref="AliasScope"/>).
/// </summary>
internal sealed class RuntimeNames
{
    private static readonly RuntimeNames s_global = new(AliasScope.Global);

    private RuntimeNames(string root)
    {
        string internals = root + "::Stm.Internal.";
        Barrier = internals + "Barrier";
        Context = internals + "TransactionContext?";
        TxHeader = internals + "TxHeader";
        TransactionalObject = internals + "ITransactionalObject";
        TransactionalProperty = internals + "TransactionalProperty";
    }

    /// <summary><c>Stm.Internal.Barrier</c>: the read and write barriers.</summary>
    public string Barrier { get; }

    /// <summary>The type of the running transaction as the accessors pass it to their out-of-line parts (looked up once per access).</summary>
    public string Context { get; }

    /// <summary><c>Stm.Internal.TxHeader</c>: the per-object header.</summary>
    public string TxHeader { get; }

    /// <summary><c>Stm.Internal.ITransactionalObject</c>: what the runtime calls on a transactional object.</summary>
    public string TransactionalObject { get; }

    /// <summary><c>Stm.Internal.TransactionalProperty</c>: a property's identity for conflict reports.</summary>
    public string TransactionalProperty { get; }

    /// <summary>The names under <paramref name="root"/> (<c>global</c> or an extern alias).</summary>
    public static RuntimeNames For(string root) => root == AliasScope.Global ? s_global : new RuntimeNames(root);
}
