namespace Stm.Scaling.Plain;

/// <summary>A binary tree node (trees, trees2).</summary>
public sealed class TreeNode
{
    public TreeNode(long value, TreeNode? left, TreeNode? right)
    {
        Value = value;
        Left = left;
        Right = right;
    }

    public long Value { get; set; }

    public TreeNode? Left { get; set; }

    public TreeNode? Right { get; set; }
}
