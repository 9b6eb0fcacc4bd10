using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace Stm.Fuzz.Mutation;

/// <summary>
/// Mutates C# at the token level: one to six edits per case, each deleting, duplicating, swapping, inserting,
/// renaming, truncating, or splicing in a chunk of another seed. Token-level edits keep most of the file parseable,
/// so the generator still sees [Transactional] classes, just odd ones; most bugs were in what "odd" covers.
/// </summary>
internal sealed partial class Mutator(Random random, IReadOnlyList<string> donors)
{
    private const int MaxEdits = 6;
    private const double AnotherEditProbability = 0.45;
    private const int MaxSpliceTokens = 40;

    /// <summary>Returns the mutated text and a description of the edits (for the comment at the top of a finding).</summary>
    public (string Text, string Description) Mutate(string text)
    {
        List<Token> tokens = Tokenizer.Split(text);
        var edits = new List<string>();
        int count = 1;
        while (count < MaxEdits && random.NextDouble() < AnotherEditProbability)
        {
            count++;
        }

        for (int k = 0; k < count; k++)
        {
            if (Edit(tokens) is { } description)
            {
                edits.Add(description);
            }
        }

        return (Tokenizer.Join(tokens), string.Join("; ", edits));
    }

    /// <summary>One edit, chosen with fixed odds (insertions and renames weigh most: they found most bugs).</summary>
    private string? Edit(List<Token> tokens)
    {
        int last = tokens.Count - 1; // the end-of-file token stays where it is
        int at = last > 0 ? random.Next(last) : 0;
        int roll = random.Next(100);
        return roll switch
        {
            < 12 when last > 0 => Delete(tokens, at),
            < 18 when last > 0 => Duplicate(tokens, at),
            < 24 when at + 1 < last => Swap(tokens, at),
            < 34 => Insert(tokens, at, Pick(Vocabulary.Modifiers), "modifier"),
            < 42 => Insert(tokens, at, Pick(Vocabulary.Keywords), "keyword"),
            < 54 => InsertSnippet(tokens, at),
            < 66 => Rename(tokens),
            < 70 when last > 0 => Truncate(tokens, at),
            < 84 => InsertMember(tokens),
            < 90 when last > 0 => Replace(tokens, at),
            >= 90 => Splice(tokens, at),
            _ => null,
        };
    }

    private string Delete(List<Token> tokens, int at)
    {
        Token removed = tokens[at];

        // Usually keep its trivia: a deleted token should not take a #if or a line break with it.
        if (random.Next(4) != 0)
        {
            Token next = tokens[at + 1];
            next.Leading = removed.Leading + (removed.Trailing.Length > 0 ? removed.Trailing : " ") + next.Leading;
        }

        tokens.RemoveAt(at);
        return $"delete@{at}:{removed.Text}";
    }

    private static string Duplicate(List<Token> tokens, int at)
    {
        Token copy = tokens[at].Clone();
        copy.Leading = string.Empty;
        copy.Trailing = " ";
        tokens.Insert(at, copy);
        return $"duplicate@{at}:{copy.Text}";
    }

    private static string Swap(List<Token> tokens, int at)
    {
        Token a = tokens[at], b = tokens[at + 1];
        (a.Text, b.Text) = (b.Text, a.Text);
        (a.Kind, b.Kind) = (b.Kind, a.Kind);
        return $"swap@{at}:{a.Text}<->{b.Text}";
    }

    private static string Insert(List<Token> tokens, int at, string text, string what)
    {
        tokens.Insert(at, new Token { Leading = " ", Text = text, Trailing = " " });
        return $"insert-{what}@{at}:{text}";
    }

    private string InsertSnippet(List<Token> tokens, int at)
    {
        string snippet = Pick(Vocabulary.Snippets);
        int position = at + random.Next(2);
        tokens.Insert(position, new Token { Leading = snippet.StartsWith('#') ? "\n" : " ", Text = snippet, Trailing = " " }); // a directive must start a line
        return $"insert-snippet@{position}:{snippet.Replace("\n", "\\n", StringComparison.Ordinal)}";
    }

    /// <summary>Renames an identifier everywhere (usually) or once, to a clashing name or to another identifier of the file.</summary>
    private string? Rename(List<Token> tokens)
    {
        List<string> identifiers = tokens.Where(t => t.Kind == SyntaxKind.IdentifierToken).Select(t => t.Text).Distinct().ToList();
        if (identifiers.Count == 0)
        {
            return null;
        }

        string from = Pick(identifiers);
        string to = random.Next(3) == 0 ? Pick(identifiers) : Pick(Vocabulary.ClashingNames);
        List<Token> occurrences = tokens.Where(t => t.Text == from).ToList();
        bool everywhere = random.Next(4) != 0;
        foreach (Token token in everywhere ? occurrences : [Pick(occurrences)])
        {
            token.Text = to;
        }

        return $"rename-{(everywhere ? "all" : "one")}:{from}->{to}";
    }

    private static string Truncate(List<Token> tokens, int at)
    {
        tokens.RemoveRange(at, tokens.Count - 1 - at);
        return $"truncate@{at}";
    }

    private string? InsertMember(List<Token> tokens)
    {
        List<int> openBraces = Enumerable.Range(0, tokens.Count).Where(i => tokens[i].Kind == SyntaxKind.OpenBraceToken).ToList();
        if (openBraces.Count == 0)
        {
            return null;
        }

        int brace = Pick(openBraces);
        string member = Pick(Vocabulary.Members);
        List<string> classNames = tokens
            .Where((t, i) => i > 0 && t.Kind == SyntaxKind.IdentifierToken && tokens[i - 1].Kind is SyntaxKind.ClassKeyword or SyntaxKind.RecordKeyword)
            .Select(t => t.Text)
            .ToList();
        if (classNames.Count > 0)
        {
            member = ClassPlaceholder().Replace(member, Pick(classNames));
        }

        tokens.Insert(brace + 1, new Token { Leading = "\n    ", Text = member, Trailing = "\n" });
        return $"insert-member@{brace + 1}:{member}";
    }

    private string Replace(List<Token> tokens, int at)
    {
        string text = random.Next(2) == 0 ? Pick(Vocabulary.Modifiers) : Pick(Vocabulary.Keywords);
        string old = tokens[at].Text;
        tokens[at].Text = text;
        tokens[at].Kind = SyntaxKind.None;
        return $"replace@{at}:{old}->{text}";
    }

    /// <summary>Inserts a run of tokens from another seed: combinations no single seed has.</summary>
    private string? Splice(List<Token> tokens, int at)
    {
        if (donors.Count == 0)
        {
            return null;
        }

        List<Token> donor = Tokenizer.Split(Pick(donors));
        if (donor.Count < 3)
        {
            return null;
        }

        int start = random.Next(donor.Count - 1);
        int length = 1 + random.Next(Math.Min(MaxSpliceTokens, donor.Count - 1 - start));
        List<Token> chunk = donor.GetRange(start, length);
        chunk[0].Leading = " " + chunk[0].Leading;
        tokens.InsertRange(at, chunk);
        return $"splice@{at}:{length} tokens";
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    [GeneratedRegex(@"\bC\b")]
    private static partial Regex ClassPlaceholder();
}
