// expect-files: 1
// The same partial property declared twice (CS0102, CS9250 at the user's declarations): implementing both repeated
// the errors inside the generated file (CS9251, CS0102, CS0111, CS0229, CS0121). Neither is implemented; the rest is.
using Stm;

[Transactional]
public partial class Twice
{
    public partial int X { get; set; }
    public partial int X { get; set; }
    public partial int Y { get; set; }
}
