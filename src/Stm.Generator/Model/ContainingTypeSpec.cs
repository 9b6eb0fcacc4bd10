namespace Stm.Generator.Model;

/// <summary>A type that contains the transactional class, re-declared as <c>partial {Keyword} {Name}</c>.</summary>
/// <param name="Keyword"><c>class</c>, <c>struct</c>, <c>interface</c>, <c>record</c> or <c>record struct</c> (with <c>ref</c> where needed).</param>
/// <param name="Name">The name (escaped) with its type parameter list.</param>
internal sealed record ContainingTypeSpec(string Keyword, string Name);
