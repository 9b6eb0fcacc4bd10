// generated-error: CS0619 '?' is obsolete: '?' [clean]
// A record member marked [Obsolete(..., error: true)]: the generated copy constructor copies it (this.Old = original.Old),
// an error the generated file's CS0612/CS0618 suppression does not cover.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
[Stm.Transactional]
public partial record R
{
    [System.Obsolete("gone", true)] public int Old { get; init; }
}
