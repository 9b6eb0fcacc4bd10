// caused-warning: CS8618 Non-nullable field '?' must contain a non-null value when exiting constructor ... [clean]
// A record with its own copy constructor: it does not assign the generated backing field of S, so the compiler
// warns on the user's constructor about a field the user never declared.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
[Stm.Transactional]
public sealed partial record R
{
    public partial string S { get; set; }
    public R() => S = "";
    private R(R original) => S = original.S;
}
