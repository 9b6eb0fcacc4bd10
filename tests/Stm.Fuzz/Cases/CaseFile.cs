namespace Stm.Fuzz.Cases;

/// <summary>One source file of a case: the path the compiler sees and the text.</summary>
internal sealed record CaseFile(string Path, string Text);
