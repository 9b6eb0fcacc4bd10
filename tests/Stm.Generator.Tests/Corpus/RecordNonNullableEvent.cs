// expect-files: 1
// A record with a non-nullable field-like event: the generated copy constructor must assign the event's field, as the
// compiler's own does, or nullable analysis warns there (CS8618, found by the fuzzer) and a 'with' copy loses the
// subscribers (Stm.Generated.Tests' RecordEventTests checks the behaviour).
using Stm;

[Transactional]
public partial record Positional(int A, string B)
{
    public partial int C { get; set; }
    public event System.Action E = () => { };
}
