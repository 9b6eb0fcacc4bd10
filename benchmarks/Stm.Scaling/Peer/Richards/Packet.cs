using LanguageExt;
using static LanguageExt.Prelude;

namespace Stm.Scaling.Peer.Richards;

/// <summary>A message passed between Richards tasks: a link, the id of its destination, a kind and four data words.</summary>
public sealed class Packet
{
    private readonly Ref<Packet?> _link;
    private readonly Ref<int> _id;
    private readonly Ref<int> _a1 = Ref(0);

    // The data words are four Refs rather than an array so that their contents are transactional too.
    private readonly Ref<int> _a20 = Ref(0);
    private readonly Ref<int> _a21 = Ref(0);
    private readonly Ref<int> _a22 = Ref(0);
    private readonly Ref<int> _a23 = Ref(0);

    public Packet(Packet? link, int id, int kind)
    {
        _link = Ref(link);
        _id = Ref(id);
        Kind = kind;
    }

    public int Kind { get; }

    public Packet? Link
    {
        get => _link.Value;
        set => _link.Value = value;
    }

    public int Id
    {
        get => _id.Value;
        set => _id.Value = value;
    }

    public int A1
    {
        get => _a1.Value;
        set => _a1.Value = value;
    }

    public int GetData(int index) => index switch
    {
        0 => _a20.Value,
        1 => _a21.Value,
        2 => _a22.Value,
        _ => _a23.Value,
    };

    public void SetData(int index, int value)
    {
        switch (index)
        {
            case 0: _a20.Value = value; break;
            case 1: _a21.Value = value; break;
            case 2: _a22.Value = value; break;
            default: _a23.Value = value; break;
        }
    }

    /// <summary>Appends this packet to the end of <paramref name="queue"/> and returns the queue's head.</summary>
    public Packet AddTo(Packet? queue)
    {
        Link = null;
        if (queue is null)
        {
            return this;
        }

        Packet peek = queue;
        Packet? next;
        while ((next = peek.Link) is not null)
        {
            peek = next;
        }

        peek.Link = this;
        return queue;
    }
}
