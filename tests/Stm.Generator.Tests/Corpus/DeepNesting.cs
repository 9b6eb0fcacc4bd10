// expect-files: 1
using Stm;
public partial class L0 {
public partial class L1 {
public partial class L2 {
public partial class L3 {
public partial class L4 {
public partial class L5 {
public partial class L6 {
public partial class L7 {
public partial class L8 {
public partial class L9 {
public partial class L10 {
public partial class L11 {
public partial class L12 {
public partial class L13 {
public partial class L14 {
public partial class L15 {
public partial class L16 {
public partial class L17 {
public partial class L18 {
public partial class L19 {
public partial class L20 {
public partial class L21 {
public partial class L22 {
public partial class L23 {
public partial class L24 {
[Transactional] public partial class Deep { public partial int X { get; set; } }
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}

