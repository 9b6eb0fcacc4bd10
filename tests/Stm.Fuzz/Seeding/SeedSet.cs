using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Stm.Fuzz.Cases;

namespace Stm.Fuzz.Seeding;

/// <summary>The seeds <c>seeds</c> wrote to the work directory, as the fuzz loop draws them.</summary>
internal sealed class SeedSet
{
    /// <summary>
    /// How much more often a hand seed is drawn than a repository seed: hand seeds were written to reach the
    /// generator's corners, while the repository's tests mostly cover what already works.
    /// </summary>
    private const int HandSeedWeight = 3;

    private readonly List<SeedCase> _weighted;

    private SeedSet(List<SeedCase> seeds)
    {
        All = seeds;
        _weighted = seeds.SelectMany(s => Enumerable.Repeat(s, s.Group == SeedExtractor.HandGroup ? HandSeedWeight : 1)).ToList();
        Donors = seeds.SelectMany(s => s.Case.Files.Select(f => f.Text)).ToList();
    }

    public IReadOnlyList<SeedCase> All { get; }

    /// <summary>Every seed file's text: what the mutator splices chunks from.</summary>
    public IReadOnlyList<string> Donors { get; }

    public static bool Exists(RepositoryLayout layout) => Directory.Exists(layout.Seeds) && Directory.EnumerateFiles(layout.Seeds, "*.cs", SearchOption.AllDirectories).Any();

    public static SeedSet Load(RepositoryLayout layout)
    {
        List<SeedCase> seeds = Directory.EnumerateFiles(layout.Seeds, "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => new SeedCase(Path.GetRelativePath(layout.Seeds, file).Replace('\\', '/'), CaseFormat.ReadFile(file)))
            .ToList();
        return seeds.Count > 0 ? new SeedSet(seeds) : throw new InvalidOperationException($"no seeds in {layout.Seeds}: run `seeds` first");
    }

    public SeedCase Pick(Random random) => _weighted[random.Next(_weighted.Count)];
}
