// expect-files: 1
// Syntax errors in a type's header (constraint clause, record parameters, base list, type argument list): the parser
// recovers a constraint on a type named 'allows', or a base 'Node<>', and a generated declaration repeating them only
// adds errors (CS0314, CS7003, CS0246 in the generated file). Nothing is emitted for such a type, and a class deriving
// from one declares its own header, since the base it names gets none.
using Stm;

namespace Corpus.MalformedTypeHeaders
{
    [Transactional]
    public partial class Holder<T> where T allows : ref struct
    {
        public partial T Value { get; set; }
    }

    [Transactional]
    public abstract partial record Node< params T>(T Key) where T : notnull
    {
        public partial T? Value { get; set; }
    }

    [Transactional]
    public sealed partial record Leaf<T>(T Key, int Depth) : Node< public T>(Key) where T : notnull
    {
        public partial bool Visited { get; set; }
    }

    [Transactional]
    public partial class Base<T>(
    {
        public partial T? Value { get; set; }
    }

    [Transactional]
    public partial class Derived : Base<int>
    {
        public partial long Count { get; set; }
    }
}
