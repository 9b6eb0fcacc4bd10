using LanguageExt;
using static LanguageExt.Prelude;

namespace Stm.Scaling.Peer;

/// <summary>A node of the sorted linked list (intset), its link in a LanguageExt <c>Ref</c>. The key never changes, so it is a plain field.</summary>
public sealed class ListNode
{
    private readonly Ref<ListNode?> _next;

    public ListNode(int key, ListNode? next)
    {
        Key = key;
        _next = Ref(next);
    }

    public int Key { get; }

    public ListNode? Next
    {
        get => _next.Value;
        set => _next.Value = value;
    }
}
