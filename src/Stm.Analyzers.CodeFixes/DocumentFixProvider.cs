using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace Stm.Analyzers.CodeFixes;

/// <summary>
/// The shape every Stm fix shares: a fix is a set of edits on one document, keyed by an equivalence key, so that a
/// single diagnostic and FixAll (document, project, solution) run the same code. Edits go through a
/// <see cref="DocumentEditor"/>, which composes several edits in one document (nested or adjacent).
/// </summary>
public abstract class DocumentFixProvider : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            diagnostics.IsEmpty || context.CodeActionEquivalenceKey is null
                ? document
                : await FixAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false));

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            foreach (FixKind fix in await GetFixesAsync(context.Document, root, model, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, token => FixAsync(document, ImmutableArray.Create(diagnostic), fix.EquivalenceKey, token), fix.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The fixes that apply to <paramref name="diagnostic"/> (none when its code has a shape the fix cannot handle).</summary>
    protected abstract IEnumerable<FixKind> GetFixes(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic);

    /// <summary>
    /// <see cref="GetFixes"/>, for a provider that must look beyond the document to decide (where else the solution uses
    /// a member). Asked both when offering a fix and when applying it, so FixAll skips the diagnostics it would not offer.
    /// </summary>
    protected virtual Task<IEnumerable<FixKind>> GetFixesAsync(Document document, SyntaxNode root, SemanticModel? model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Task.FromResult(GetFixes(root, model, diagnostic));

    /// <summary>Records the edits of fix <paramref name="equivalenceKey"/> for one diagnostic.</summary>
    /// <param name="fixState">Shared across the diagnostics of one FixAll run, to avoid applying one edit twice.</param>
    protected abstract void Apply(DocumentEditor editor, SemanticModel model, Diagnostic diagnostic, string equivalenceKey, HashSet<SyntaxNode> fixState, CancellationToken cancellationToken);

    private async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        SyntaxNode root = editor.OriginalRoot;
        var state = new HashSet<SyntaxNode>();

        // Innermost first, so an edit of an outer node (a containing type) sees the inner edits already made.
        var ordered = new List<Diagnostic>(diagnostics);
        ordered.Sort((a, b) => b.Location.SourceSpan.Start.CompareTo(a.Location.SourceSpan.Start));
        foreach (Diagnostic diagnostic in ordered)
        {
            foreach (FixKind fix in await GetFixesAsync(document, root, editor.SemanticModel, diagnostic, cancellationToken).ConfigureAwait(false))
            {
                if (fix.EquivalenceKey == equivalenceKey)
                {
                    Apply(editor, editor.SemanticModel, diagnostic, equivalenceKey, state, cancellationToken);
                }
            }
        }

        return editor.GetChangedDocument();
    }

    /// <summary>One fix a provider offers: what the light bulb says and the key FixAll groups by.</summary>
    protected readonly struct FixKind
    {
        public FixKind(string title, string equivalenceKey)
        {
            Title = title;
            EquivalenceKey = equivalenceKey;
        }

        public string Title { get; }

        public string EquivalenceKey { get; }
    }
}
