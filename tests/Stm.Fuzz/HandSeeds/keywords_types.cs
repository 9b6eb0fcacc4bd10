//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N;
public class var { }
public class dynamic { }
public class nameof { }
public class field { }
public class value { }
[Transactional]
public partial class C
{
    public partial var? A { get; set; }
    public partial dynamic? B { get; set; }
    public partial nameof? D { get; set; }
    public partial field? F { get; set; }
    public partial value? V { get; set; }
    public partial @record? R { get; set; }
}
public class @record { }
[Transactional] public partial class @dynamic2<@dynamic> { public partial @dynamic? X { get; set; } }
[Transactional] public partial class Fld<field> { public partial field? X { get; set; } }
[Transactional] public partial class Val<value> { public partial value? X { get; set; } }
