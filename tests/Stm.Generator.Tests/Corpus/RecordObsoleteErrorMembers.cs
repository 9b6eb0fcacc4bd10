// expect-files: 2
// [Obsolete(..., error: true)] members of a record: the compiler's record members read them without an error, but
// naming one from C# is error CS0619, which no pragma suppresses. Generated equality, hash code, printing and the copy
// constructor must still include them (a 'with' copy that dropped one would lose data).
using System;
using Stm;

namespace Corpus.RecordObsoleteErrorMembers;

[Transactional]
public partial record Account
{
    [Obsolete("gone", true)] public int Legacy { get; init; }
    [Obsolete("gone", true)] public string? Note;
    [Obsolete("gone", true)] public readonly long Stamp;
    [Obsolete("gone", true)] public int Computed => 3;
    [Obsolete("gone", true)] public partial int Balance { get; set; }
    public partial string? Owner { get; set; }
}

[Transactional]
public partial record Box<T>
{
    [Obsolete("gone", true)] public T? Old { get; init; }
    [Obsolete("gone", true)] public partial T? Value { get; set; }
}
