using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Stm.Fuzz.Seeding;

/// <summary>
/// The signatures the unmodified seeds already produce. Some seeds are bad on purpose or hit a known open bug: a
/// corpus case with garbage tokens, a hand seed full of clashing members. Without a baseline, every mutant of such
/// a seed would re-report the same thing and bury the new findings. <c>seeds</c> writes it (after running every
/// seed), <c>fuzz</c> does not count what it lists, <c>run</c> marks it. Signatures are normalized, so a new bug
/// with exactly the signature of a baseline one goes unnoticed until the baseline one is fixed and <c>seeds</c>
/// runs again: the price of a quiet fuzzer.
/// </summary>
internal sealed class Baseline
{
    private const char Separator = '\t';

    private readonly HashSet<string> _signatures;

    private Baseline(HashSet<string> signatures) => _signatures = signatures;

    public static Baseline Empty { get; } = new([]);

    public int Count => _signatures.Count;

    public bool Contains(string signature) => _signatures.Contains(signature);

    /// <summary>Reads the file <see cref="Write"/> wrote; <see cref="Empty"/> if there is none.</summary>
    public static Baseline Load(string path) =>
        !File.Exists(path)
            ? Empty
            : new(File.ReadLines(path)
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.Split(Separator)[0])
                .ToHashSet(StringComparer.Ordinal));

    /// <summary>One line per signature (sorted), a tab, then the seeds that produce it.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, List<string>> seedsBySignature)
    {
        var text = new StringBuilder()
            .Append("# Signatures the unmodified seeds produce; fuzz does not count them as findings. Written by `Stm.Fuzz seeds`.\n")
            .Append("# signature<TAB>seeds that produce it\n");
        foreach ((string signature, List<string> seeds) in seedsBySignature.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(signature).Append(Separator).Append(string.Join(", ", seeds)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }
}
