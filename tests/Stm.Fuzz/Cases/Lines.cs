using System.Collections.Generic;

namespace Stm.Fuzz.Cases;

/// <summary>Splits text into lines that keep their terminators, so that concatenating them gives the text back exactly.</summary>
internal static class Lines
{
    public static IEnumerable<string> WithTerminators(string text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            int next = end < 0 ? text.Length : end + 1;
            yield return text[start..next];
            start = next;
        }
    }
}
