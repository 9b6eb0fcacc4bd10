// expect-files: 5
// Record state the compiler rejects, which generated equality, printing and copying cannot name soundly: an explicit
// interface implementation that implements nothing (its name keeps the dotted interface name: 'this.@class.Y'), a
// member with a syntax error ('int IX. { get; set; }', '{ ; set; }'), a property of type void, and two members of one
// name (CS0102; naming either is ambiguous, CS0229); and a record deriving from a class that is not a record (CS8864:
// the generated members took it for a root record, CS8875). The properties are still implemented; the record members
// are not (the compiler's own stand in, and the errors are the user's).
using Stm;

namespace Corpus.RecordMembersTheCompilerRejects
{
    public interface IHasY { string Y { get; } }

    [Transactional]
    public partial record UnboundExplicit : IHasY
    {
        string @class.Y { get; } = "y";
        public partial int Tag { get; set; }
    }

    [Transactional]
    public partial record BrokenMembers
    {
        int IX. { get; set; }
        public int[]? Arr {  ; set; }
        public partial int Tag { get; set; }
    }

    [Transactional]
    public partial record VoidProperty
    {
        public void Write { get; set; }
        public partial int Tag { get; set; }
    }

    [Transactional]
    public partial record Twice
    {
        public int Arr;
        public int Arr { get; set; }
        public partial int Tag { get; set; }
    }

    public class Car { }

    [Transactional]
    public sealed partial record class RaceCar : Car
    {
        public partial bool Turbo { get; set; }
    }
}
