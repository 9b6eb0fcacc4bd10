// expect-files: 1
// A hand-written copy constructor does not run field initializers, so the '= default!' of a non-nullable backing
// field does not hold there and assigning the property did not count for the flow analysis: CS8618 on the user's
// own constructor, naming a generated field.
using Stm;

[Transactional]
public sealed partial record Named
{
    public partial string Name { get; set; }
    public partial System.Collections.Generic.List<string> Tags { get; set; }
    public Named() { Name = ""; Tags = new(); }
    private Named(Named original) { Name = original.Name; Tags = original.Tags; }
}
