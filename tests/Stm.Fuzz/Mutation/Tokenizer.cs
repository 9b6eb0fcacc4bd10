using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Stm.Fuzz.Mutation;

/// <summary>Splits C# into <see cref="Token"/>s and joins them back: the units the mutator and the minimizer work on.</summary>
internal static class Tokenizer
{
    /// <summary>Preview syntax, so that every construct of every seed is a token rather than garbage.</summary>
    private static readonly CSharpParseOptions s_options = new(LanguageVersion.Preview);

    /// <summary>The tokens of <paramref name="text"/>; the last one is the end of file (empty text, maybe leading trivia).</summary>
    public static List<Token> Split(string text) =>
        SyntaxFactory.ParseTokens(text, options: s_options)
            .Select(t => new Token { Leading = t.LeadingTrivia.ToFullString(), Text = t.Text, Trailing = t.TrailingTrivia.ToFullString(), Kind = t.Kind() })
            .ToList();

    public static string Join(IEnumerable<Token> tokens)
    {
        var text = new StringBuilder();
        foreach (Token token in tokens)
        {
            text.Append(token.Leading).Append(token.Text).Append(token.Trailing);
        }

        return text.ToString();
    }
}
