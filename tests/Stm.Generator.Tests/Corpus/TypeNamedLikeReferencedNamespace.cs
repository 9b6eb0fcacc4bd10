// expect-files: 2
// A class in the global namespace named like a namespace of a referenced assembly ('Internal', from
// System.Security.Cryptography): the generated code's 'global::Internal' is ambiguous between the two, and the compiler
// warns (CS0437, an error under TreatWarningsAsErrors) although it picks the class, as meant. The user's code names the
// class only by its simple name ('Internal?' below), which does not warn: only the generated code did. Found by the fuzzer (generated-warning CS0437, [clean]).
using Stm;

[Transactional]
public partial class Internal
{
    public partial int X { get; set; }
}

[Transactional]
public partial record Holder
{
    public partial Internal? Inner { get; set; }
}
