using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Stm.Analyzers.Tests.Harness;

/// <summary>
/// Test sources with expected diagnostic spans marked <c>[|like this|]</c>. Spans may nest
/// (<c>[|a.[|B|]|]</c>); the markers are removed from the source the compiler sees.
/// </summary>
internal sealed class Markup
{
    private Markup(string source, IReadOnlyList<TextSpan> spans)
    {
        Source = source;
        Spans = spans;
    }

    public string Source { get; }

    public IReadOnlyList<TextSpan> Spans { get; }

    public static Markup Parse(string markup)
    {
        var builder = new StringBuilder(markup.Length);
        var open = new Stack<int>();
        var spans = new List<TextSpan>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
            {
                open.Push(builder.Length);
                i++;
            }
            else if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0 && open.Count > 0)
            {
                int start = open.Pop();
                spans.Add(TextSpan.FromBounds(start, builder.Length));
                i++;
            }
            else
            {
                builder.Append(markup[i]);
            }
        }

        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return new Markup(builder.ToString(), spans);
    }
}
