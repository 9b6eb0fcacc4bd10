using Stm;

namespace Stm.Scaling.Model;

/// <summary>A node of the sorted linked list (intset). The key never changes, so it is immutable.</summary>
[Transactional]
public sealed partial class ListNode
{
    public ListNode(int key, ListNode? next)
    {
        Key = key;
        Next = next;
    }

    public int Key { get; }

    public partial ListNode? Next { get; set; }
}
