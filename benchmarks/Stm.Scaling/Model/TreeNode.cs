using Stm;

namespace Stm.Scaling.Model;

/// <summary>A binary tree node (trees, trees2).</summary>
[Transactional]
public sealed partial class TreeNode
{
    public TreeNode(long value, TreeNode? left, TreeNode? right)
    {
        Value = value;
        Left = left;
        Right = right;
    }

    public partial long Value { get; set; }

    public partial TreeNode? Left { get; set; }

    public partial TreeNode? Right { get; set; }
}
