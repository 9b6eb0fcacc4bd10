// expect-files: 40
using Stm;
namespace Many;
[Transactional] public partial class T0 { public partial int P0 { get; set; } }
[Transactional] public partial class T1 { public partial int P1 { get; set; } }
[Transactional] public partial class T2 { public partial int P2 { get; set; } }
[Transactional] public partial class T3 { public partial int P3 { get; set; } }
[Transactional] public partial class T4 { public partial int P4 { get; set; } }
[Transactional] public partial class T5 { public partial int P5 { get; set; } }
[Transactional] public partial class T6 { public partial int P6 { get; set; } }
[Transactional] public partial class T7 { public partial int P7 { get; set; } }
[Transactional] public partial class T8 { public partial int P8 { get; set; } }
[Transactional] public partial class T9 { public partial int P9 { get; set; } }
[Transactional] public partial class T10 { public partial int P10 { get; set; } }
[Transactional] public partial class T11 { public partial int P11 { get; set; } }
[Transactional] public partial class T12 { public partial int P12 { get; set; } }
[Transactional] public partial class T13 { public partial int P13 { get; set; } }
[Transactional] public partial class T14 { public partial int P14 { get; set; } }
[Transactional] public partial class T15 { public partial int P15 { get; set; } }
[Transactional] public partial class T16 { public partial int P16 { get; set; } }
[Transactional] public partial class T17 { public partial int P17 { get; set; } }
[Transactional] public partial class T18 { public partial int P18 { get; set; } }
[Transactional] public partial class T19 { public partial int P19 { get; set; } }
[Transactional] public partial class T20 { public partial int P20 { get; set; } }
[Transactional] public partial class T21 { public partial int P21 { get; set; } }
[Transactional] public partial class T22 { public partial int P22 { get; set; } }
[Transactional] public partial class T23 { public partial int P23 { get; set; } }
[Transactional] public partial class T24 { public partial int P24 { get; set; } }
[Transactional] public partial class T25 { public partial int P25 { get; set; } }
[Transactional] public partial class T26 { public partial int P26 { get; set; } }
[Transactional] public partial class T27 { public partial int P27 { get; set; } }
[Transactional] public partial class T28 { public partial int P28 { get; set; } }
[Transactional] public partial class T29 { public partial int P29 { get; set; } }
[Transactional] public partial class T30 { public partial int P30 { get; set; } }
[Transactional] public partial class T31 { public partial int P31 { get; set; } }
[Transactional] public partial class T32 { public partial int P32 { get; set; } }
[Transactional] public partial class T33 { public partial int P33 { get; set; } }
[Transactional] public partial class T34 { public partial int P34 { get; set; } }
[Transactional] public partial class T35 { public partial int P35 { get; set; } }
[Transactional] public partial class T36 { public partial int P36 { get; set; } }
[Transactional] public partial class T37 { public partial int P37 { get; set; } }
[Transactional] public partial class T38 { public partial int P38 { get; set; } }
[Transactional] public partial class T39 { public partial int P39 { get; set; } }

