using System;

namespace Stm.Generator.Model;

/// <summary>
/// The file name stems that clash across all <c>[Transactional]</c> types of the compilation (both sets are almost
/// always empty, so this step rarely invalidates anything downstream).
/// </summary>
/// <param name="CaseCollisions">
/// Stems that differ only in case (Roslyn compares hint names case-insensitively, C# names are not): each gets a suffix.
/// </param>
/// <param name="Duplicates">
/// Stems shared exactly by two distinct type symbols. Only invalid code makes those (partial declarations of one name
/// as a class and as a record, or inside a class part and a struct part of one outer type: CS0261), and the compiler
/// reports it; emitting both would add one hint name twice, which throws in the generator (CS8785).
/// </param>
internal sealed record HintNameConflicts(EquatableArray<string> CaseCollisions, EquatableArray<string> Duplicates)
{
    /// <summary>Whether <paramref name="hintNameBase"/> belongs to more than one type.</summary>
    public bool IsDuplicate(string hintNameBase)
    {
        foreach (string duplicate in Duplicates)
        {
            if (string.Equals(duplicate, hintNameBase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
