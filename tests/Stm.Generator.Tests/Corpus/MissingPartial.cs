// expect-files: 0
using Stm;
[Transactional]
public class Account
{
    public partial long Balance { get; set; }
}
