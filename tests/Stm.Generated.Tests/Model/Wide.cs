namespace Stm.Generated.Tests.Model;

/// <summary>A value wider than any atomic store: four longs that writers always keep equal.</summary>
public readonly record struct Quad(long A, long B, long C, long D)
{
    public static Quad Of(long v) => new(v, v, v, v);

    public bool IsConsistent => A == B && B == C && C == D;
}

[Transactional]
public partial class Wide
{
    public partial Quad Value { get; set; }
}
