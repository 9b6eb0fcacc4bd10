// expect-files: 2
using Stm;
namespace @class.@struct
{
    [Transactional]
    public partial class @class
    {
        public partial @class? @this { get; set; }
        public partial int @int { get; set; }
        public partial int record { get; set; }
        public partial int var { get; set; }
    }

    [Transactional]
    public partial record @record
    {
        public partial int @base { get; set; }
        public partial string? @object { get; set; }
    }
}
