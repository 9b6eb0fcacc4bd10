using Microsoft.CodeAnalysis.CSharp;

namespace Stm.Fuzz.Mutation;

/// <summary>
/// A token being mutated, with the trivia around it (whitespace, comments, directives) kept as text so that joining
/// the tokens gives back the source exactly. Mutable: the mutator edits texts in place.
/// </summary>
internal sealed class Token
{
    public string Leading { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string Trailing { get; set; } = string.Empty;

    /// <summary>The kind the token was parsed as; <see cref="SyntaxKind.None"/> once its text was replaced by an unrelated one.</summary>
    public SyntaxKind Kind { get; set; }

    public Token Clone() => new() { Leading = Leading, Text = Text, Trailing = Trailing, Kind = Kind };

    public override string ToString() => Leading + Text + Trailing;
}
