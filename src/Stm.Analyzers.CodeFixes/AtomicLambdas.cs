using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stm.Analyzers.CodeFixes;

/// <summary>Finds, in syntax, the lambda that is the atomic block around a node (the fix-side twin of the analyzers' AtomicBlocks).</summary>
internal static class AtomicLambdas
{
    public static AnonymousFunctionExpressionSyntax? FindEnclosing(SyntaxNode node, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        foreach (AnonymousFunctionExpressionSyntax lambda in node.AncestorsAndSelf().OfType<AnonymousFunctionExpressionSyntax>())
        {
            if (lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                && IsAtomicEntryPoint(method))
            {
                return lambda;
            }
        }

        return null;
    }

    private static bool IsAtomicEntryPoint(IMethodSymbol method)
    {
        string? type = method.ContainingType?.ToDisplayString();
        return (type == "Stm.Atomic" && method.Name is "Run" or "OrElse" or "ForEach")
            || (type == "Stm.TransactionQueue" && method.Name == "Add");
    }
}
