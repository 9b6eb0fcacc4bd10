// expect-files: 0
// A nested class whose type parameter hides the containing class's (CS0693): generated code cannot name the outer
// type parameter (global::Outer<T>.Inner<T> reads both as the inner T, CS0029). STM0001 asks for a rename.
using Stm;

public partial class Outer<T>
{
#pragma warning disable CS0693
    [Transactional]
    public partial class Inner<T>
    {
        public partial int P { get; set; }
    }

    public partial class Middle<U>
    {
        [Transactional]
        public partial record Deep<T>
        {
            public partial T? Value { get; set; }
        }
    }
#pragma warning restore CS0693
}
