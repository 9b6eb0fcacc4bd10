// generated-error: CS0029 Cannot implicitly convert type '?' to '?' [clean]
// A nested class whose type parameter has the name of its container's (CS0693, a warning): the generated code names
// the type as global::O<T>.I<T>, where both T are the inner one.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
public partial class O<T>
{
#pragma warning disable CS0693
    [Stm.Transactional] public partial class I<T> { public partial int P { get; set; } }
#pragma warning restore CS0693
}
