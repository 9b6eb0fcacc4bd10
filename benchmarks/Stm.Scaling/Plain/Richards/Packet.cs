using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Plain.Richards;

/// <summary>A message passed between Richards tasks: a link, the id of its destination, a kind and four data words.</summary>
public sealed class Packet
{
    public Packet(Packet? link, int id, int kind)
    {
        Link = link;
        Id = id;
        Kind = kind;
    }

    public int Kind { get; }

    public Packet? Link { get; set; }

    public int Id { get; set; }

    public int A1 { get; set; }

    // The data words are four properties rather than an array so that their contents are transactional too.
    public int A20 { get; set; }

    public int A21 { get; set; }

    public int A22 { get; set; }

    public int A23 { get; set; }

    public int GetData(int index) => index switch
    {
        0 => A20,
        1 => A21,
        2 => A22,
        _ => A23,
    };

    public void SetData(int index, int value)
    {
        switch (index)
        {
            case 0: A20 = value; break;
            case 1: A21 = value; break;
            case 2: A22 = value; break;
            default: A23 = value; break;
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
