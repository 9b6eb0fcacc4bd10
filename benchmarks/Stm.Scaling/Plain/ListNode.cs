namespace Stm.Scaling.Plain;

/// <summary>A node of the sorted linked list (intset). The key never changes, so it is immutable.</summary>
public sealed class ListNode
{
    public ListNode(int key, ListNode? next)
    {
        Key = key;
        Next = next;
    }

    public int Key { get; }

    public ListNode? Next { get; set; }
}
