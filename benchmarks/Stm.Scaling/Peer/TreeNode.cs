using LanguageExt;
using static LanguageExt.Prelude;

namespace Stm.Scaling.Peer;

/// <summary>A binary tree node (trees, trees2), its value and children in LanguageExt <c>Ref</c>s.</summary>
public sealed class TreeNode
{
    private readonly Ref<long> _value;
    private readonly Ref<TreeNode?> _left;
    private readonly Ref<TreeNode?> _right;

    public TreeNode(long value, TreeNode? left, TreeNode? right)
    {
        _value = Ref(value);
        _left = Ref(left);
        _right = Ref(right);
    }

    public long Value
    {
        get => _value.Value;
        set => _value.Value = value;
    }

    public TreeNode? Left
    {
        get => _left.Value;
        set => _left.Value = value;
    }

    public TreeNode? Right
    {
        get => _right.Value;
        set => _right.Value = value;
    }
}
