namespace Stm;

/// <summary>Why an attempt was aborted and re-run.</summary>
public enum ConflictKind
{
    /// <summary>Two transactions wrote the same object; the younger one (or the one facing an inevitable transaction) lost.</summary>
    WriteWrite,

    /// <summary>The transaction read an object that another transaction then committed a write to.</summary>
    ReadWrite,
}
