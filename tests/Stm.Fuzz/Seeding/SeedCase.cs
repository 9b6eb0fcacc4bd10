using Stm.Fuzz.Cases;

namespace Stm.Fuzz.Seeding;

/// <summary>A starting point for mutation: a case and its name, <c>group/file.cs</c> (the group says where it came from).</summary>
internal sealed record SeedCase(string Name, FuzzCase Case)
{
    public string Group => Name[..Name.IndexOf('/', System.StringComparison.Ordinal)];
}
