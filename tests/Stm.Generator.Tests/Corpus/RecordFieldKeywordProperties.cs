// expect-files: 1
// Properties with 'field'-keyword backing fields: the field is record state (the compiler's equality and copy
// constructor include it), but only the property can be named, and a get-only one cannot be assigned in a copy.
using Stm;

[Transactional]
public partial record Counter
{
    public int Limit { get => field; init => field = value > 0 ? value : 1; }
    public string Label { get => field ??= "none"; }
    public int Clamped { get => field; set => field = System.Math.Max(0, value); }
    public partial int Count { get; set; }
}
